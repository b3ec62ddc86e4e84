package cn.smartunion.runtime.problem;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.core.Ordered;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes request bodies with properties the target type does not declare fail (answered with 400 naming the
 * property), so a misspelt field is reported instead of silently dropped. Jackson 3 ignores unknown properties by
 * default.
 *
 * <p>Applied before Boot's property-driven customizer, so a service can still opt out with
 * {@code spring.jackson.deserialization.fail-on-unknown-properties=false}. Event consumers read tolerantly with their
 * own reader and are not affected.
 */
public class RejectUnknownJsonProperties implements JsonMapperBuilderCustomizer, Ordered {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Override
    public int getOrder() {
        return -10;
    }
}
