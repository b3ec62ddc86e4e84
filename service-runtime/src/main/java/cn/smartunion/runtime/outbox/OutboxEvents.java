package cn.smartunion.runtime.outbox;

import cn.smartunion.contracts.EventType;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.Date;
import java.util.UUID;

/** Turns a contract payload into an {@link OutboxEvent} ready to be appended to its aggregate's outbox. */
public class OutboxEvents {

    private final JsonMapper json;
    private final Clock clock;
    private final Tracer tracer;

    public OutboxEvents(JsonMapper json, Clock clock, Tracer tracer) {
        this.json = json;
        this.clock = clock;
        this.tracer = tracer;
    }

    public OutboxEvent create(EventType type, String subject, String orgPath, Object payload) {
        return new OutboxEvent(UUID.randomUUID().toString(), type.type(), type.topic(), type.source(), subject, orgPath,
                clock.instant(), type.dataSchema(), currentTraceparent(), json.writeValueAsString(payload));
    }

    /**
     * The event as the relay reads it from an aggregate's {@value OutboxEvent#FIELD} array, for code that writes
     * documents without a mapped class: {@code new Update().push(OutboxEvent.FIELD, OutboxEvents.document(event))}.
     */
    public static Document document(OutboxEvent event) {
        return new Document("eventId", event.eventId())
                .append("type", event.type())
                .append("topic", event.topic())
                .append("source", event.source())
                .append("subject", event.subject())
                .append("orgPath", event.orgPath())
                .append("time", event.time() == null ? null : Date.from(event.time()))
                .append("dataSchema", event.dataSchema())
                .append("traceparent", event.traceparent())
                .append("data", event.data());
    }

    private String currentTraceparent() {
        Span span = tracer == null ? null : tracer.currentSpan();
        if (span == null) {
            return null;
        }
        var context = span.context();
        return "00-" + context.traceId() + "-" + context.spanId() + "-" + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
    }
}
