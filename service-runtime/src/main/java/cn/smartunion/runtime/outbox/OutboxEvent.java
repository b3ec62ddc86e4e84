package cn.smartunion.runtime.outbox;

import java.time.Instant;

/**
 * An event waiting to be published, embedded in the {@code outbox} array of the aggregate document that raised it
 * and written in the same single-document save as the state change.
 *
 * @param eventId     CloudEvents id (UUID), also the consumers' idempotency key. Not named {@code id}: Spring Data
 *                    would store that as {@code _id} even in an embedded document
 * @param type        stable CloudEvents type
 * @param topic       Kafka topic it is published to
 * @param source      producing service, e.g. {@code /membership-service}
 * @param subject     aggregate id; also the record key, so one aggregate's events stay ordered
 * @param orgPath     materialised path of the owning union
 * @param time        when the state change happened
 * @param dataSchema  URN of the payload's JSON Schema
 * @param traceparent W3C trace context of the request that caused it, or null
 * @param data        the payload as JSON; pseudonymous ids only, never personal data
 */
public record OutboxEvent(
        String eventId,
        String type,
        String topic,
        String source,
        String subject,
        String orgPath,
        Instant time,
        String dataSchema,
        String traceparent,
        String data) {

    /** Name of the array field every aggregate document with an outbox uses. */
    public static final String FIELD = "outbox";
}
