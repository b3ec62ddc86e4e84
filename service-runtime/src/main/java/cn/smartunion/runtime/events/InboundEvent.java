package cn.smartunion.runtime.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;

/** A CloudEvent as a consumer sees it: the attributes from the {@code ce_*} headers and the JSON payload. */
public record InboundEvent(
        String id,
        String type,
        String source,
        String subject,
        Instant time,
        String orgPath,
        String dataSchema,
        String traceparent,
        String data) {

    /** Consumers read tolerantly: fields added to a contract later are ignored, not fatal. */
    private static final JsonMapper TOLERANT = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public <T> T dataAs(Class<T> payloadType) {
        try {
            T payload = TOLERANT.readValue(data, payloadType);
            if (payload == null) {
                throw new MalformedEventException("event " + id + " has a null payload");
            }
            return payload;
        } catch (JacksonException e) {
            throw new MalformedEventException("event " + id + " of type " + type + " has a payload that does not match "
                    + payloadType.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }
}
