package cn.smartunion.gateway.problem;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * @param retryAfter sent as {@code Retry-After} on a 503 when nothing better is known
 */
@ConfigurationProperties("smart-union.gateway.problems")
public record ProblemProperties(Duration retryAfter) {

    public ProblemProperties {
        Assert.isTrue(retryAfter != null && !retryAfter.isNegative(), "smart-union.gateway.problems.retry-after must be set");
    }
}
