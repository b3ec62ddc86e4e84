package cn.smartunion.runtime.events;

import cn.smartunion.contracts.CloudEventHeaders;
import cn.smartunion.runtime.outbox.OutboxEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** CloudEvents 1.0 Kafka binary mode: attributes in {@code ce_*} headers, the JSON payload as the record value. */
public final class CloudEventCodec {

    private static final String JSON = "application/json";

    /** A union's materialised path of codes, as every event schema defines {@code orgPath}. */
    private static final Pattern ORG_PATH = Pattern.compile("[0-9A-Za-z-]{1,32}(/[0-9A-Za-z-]{1,32})*");

    private CloudEventCodec() {
    }

    public static ProducerRecord<String, String> toRecord(OutboxEvent event) {
        Headers headers = new RecordHeaders();
        put(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        put(headers, CloudEventHeaders.ID, event.eventId());
        put(headers, CloudEventHeaders.SOURCE, event.source());
        put(headers, CloudEventHeaders.TYPE, event.type());
        put(headers, CloudEventHeaders.SUBJECT, event.subject());
        put(headers, CloudEventHeaders.TIME, event.time().toString());
        put(headers, CloudEventHeaders.DATA_SCHEMA, event.dataSchema());
        put(headers, CloudEventHeaders.ORG_PATH, event.orgPath());
        put(headers, CloudEventHeaders.CONTENT_TYPE, JSON);
        put(headers, CloudEventHeaders.TRACEPARENT, event.traceparent());
        return new ProducerRecord<>(event.topic(), null, event.subject(), event.data(), headers);
    }

    /** @throws MalformedEventException when a required attribute is missing or the value is not a JSON payload */
    public static InboundEvent fromRecord(ConsumerRecord<String, String> record) {
        Headers headers = record.headers();
        String id = required(headers, CloudEventHeaders.ID, record);
        String type = required(headers, CloudEventHeaders.TYPE, record);
        String source = required(headers, CloudEventHeaders.SOURCE, record);
        String specVersion = required(headers, CloudEventHeaders.SPEC_VERSION, record);
        if (!CloudEventHeaders.SPEC_VERSION_VALUE.equals(specVersion)) {
            throw malformed(record, "unsupported specversion " + specVersion);
        }
        String contentType = get(headers, CloudEventHeaders.CONTENT_TYPE);
        if (contentType != null && !contentType.startsWith(JSON)) {
            throw malformed(record, "content-type is not JSON");
        }
        String data = record.value();
        if (data == null || data.isBlank() || data.charAt(0) != '{') {
            throw malformed(record, "value is not a JSON object");
        }
        // a path that is not one would file the effect where no scope finds it, or under the wrong union
        String orgPath = get(headers, CloudEventHeaders.ORG_PATH);
        if (orgPath != null && !ORG_PATH.matcher(orgPath).matches()) {
            throw malformed(record, "ce_orgpath is not a path of union codes");
        }
        return new InboundEvent(id, type, source, get(headers, CloudEventHeaders.SUBJECT),
                time(headers, record), orgPath,
                get(headers, CloudEventHeaders.DATA_SCHEMA), get(headers, CloudEventHeaders.TRACEPARENT), data);
    }

    private static Instant time(Headers headers, ConsumerRecord<?, ?> record) {
        String time = get(headers, CloudEventHeaders.TIME);
        if (time == null) {
            return null;
        }
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw malformed(record, "ce_time is not an RFC 3339 timestamp");
        }
    }

    private static void put(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String required(Headers headers, String name, ConsumerRecord<?, ?> record) {
        String value = get(headers, name);
        if (value == null || value.isBlank()) {
            throw malformed(record, "missing header " + name);
        }
        return value;
    }

    private static MalformedEventException malformed(ConsumerRecord<?, ?> record, String reason) {
        return new MalformedEventException(record.topic() + "-" + record.partition() + "@" + record.offset() + ": " + reason);
    }
}
