package cn.smartunion.gateway.bodylimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

/**
 * @param maxSize the largest request body passed on; larger ones are answered 413
 */
@ConfigurationProperties("smart-union.gateway.request-body")
public record RequestBodyProperties(DataSize maxSize) {

    public RequestBodyProperties {
        Assert.isTrue(maxSize != null && maxSize.toBytes() > 0, "smart-union.gateway.request-body.max-size must be positive");
    }
}
