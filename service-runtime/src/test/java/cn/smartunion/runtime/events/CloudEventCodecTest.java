package cn.smartunion.runtime.events;

import cn.smartunion.contracts.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudEventCodecTest {

    @Test
    void aWellFormedEventIsReadWithItsUnionsPath() {
        InboundEvent event = CloudEventCodec.fromRecord(record("420000/420300/420322/RI-7A"));

        assertThat(event.orgPath()).isEqualTo("420000/420300/420322/RI-7A");
        assertThat(event.type()).isEqualTo("cn.smartunion.test.widget.created.v1");
    }

    @Test
    void anEventWithoutAPathIsReadToo() {
        assertThat(CloudEventCodec.fromRecord(record(null)).orgPath()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"420000/../420322", "420000//420322", "/420000", "420000/", "420000 420300", "",
            "420000/42030\u0000", "123456789012345678901234567890123"})
    void aPathThatIsNotAPathOfUnionCodesMakesTheEventMalformed(String orgPath) {
        assertThatThrownBy(() -> CloudEventCodec.fromRecord(record(orgPath)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("ce_orgpath")
                .hasMessageNotContaining(orgPath.isEmpty() ? "\u0001" : orgPath);
    }

    private static ConsumerRecord<String, String> record(String orgPath) {
        RecordHeaders headers = new RecordHeaders();
        put(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
        put(headers, CloudEventHeaders.ID, "5d1c6c2e-3f0b-4a59-9a51-6f8f4a3f1c11");
        put(headers, CloudEventHeaders.SOURCE, "/test-service");
        put(headers, CloudEventHeaders.TYPE, "cn.smartunion.test.widget.created.v1");
        put(headers, CloudEventHeaders.TIME, "2026-11-22T03:00:00Z");
        put(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
        Optional.ofNullable(orgPath).ifPresent(path -> put(headers, CloudEventHeaders.ORG_PATH, path));
        return new ConsumerRecord<>("test.widget.v1", 0, 7L, ConsumerRecord.NO_TIMESTAMP,
                org.apache.kafka.common.record.TimestampType.NO_TIMESTAMP_TYPE, -1, -1, "widget-1",
                "{\"widgetId\":\"widget-1\"}", headers, Optional.empty());
    }

    private static void put(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
