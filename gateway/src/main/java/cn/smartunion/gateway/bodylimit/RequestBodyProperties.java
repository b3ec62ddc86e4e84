package cn.smartunion.gateway.bodylimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

import java.util.List;

/**
 * @param maxSize the largest request body passed on; larger ones are answered 413
 * @param uploads the few paths that take files (roster uploads) and their own, larger limit
 */
@ConfigurationProperties("smart-union.gateway.request-body")
public record RequestBodyProperties(DataSize maxSize, Uploads uploads) {

    public RequestBodyProperties {
        Assert.isTrue(maxSize != null && maxSize.toBytes() > 0, "smart-union.gateway.request-body.max-size must be positive");
        uploads = uploads == null ? new Uploads(List.of(), maxSize) : uploads;
    }

    /**
     * @param paths   path patterns (e.g. {@code /api/membership/v1/enrolment-jobs}) whose bodies may be larger
     * @param maxSize their limit
     */
    public record Uploads(List<String> paths, DataSize maxSize) {

        public Uploads {
            paths = paths == null ? List.of() : List.copyOf(paths);
            Assert.isTrue(maxSize != null && maxSize.toBytes() > 0,
                    "smart-union.gateway.request-body.uploads.max-size must be positive");
        }
    }
}
