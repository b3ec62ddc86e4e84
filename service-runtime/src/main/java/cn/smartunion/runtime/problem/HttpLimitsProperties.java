package cn.smartunion.runtime.problem;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code smartunion.http.*}.
 *
 * @param maxRequestBody the largest request body accepted (default 1MB); larger ones are answered with 413
 */
@ConfigurationProperties("smartunion.http")
public record HttpLimitsProperties(@DefaultValue("1MB") DataSize maxRequestBody) {
}
