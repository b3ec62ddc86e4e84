package cn.smartunion.runtime.idempotency;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IdempotencyKeyHeaderTest {

    @Test
    void noHeaderIsNoKey() {
        assertThat(IdempotencyKeyHeader.keyOf(List.of())).isNull();
    }

    @Test
    void aUuidIsAKey() {
        assertThat(IdempotencyKeyHeader.keyOf(List.of("8e03978e-40d5-43e8-bc93-6894a57f9324")))
            .isEqualTo("8e03978e-40d5-43e8-bc93-6894a57f9324");
    }

    @Test
    void theDraftsQuotedStringFormNamesTheSameKey() {
        assertThat(IdempotencyKeyHeader.keyOf(List.of("\"8e03978e-40d5-43e8-bc93-6894a57f9324\"")))
            .isEqualTo("8e03978e-40d5-43e8-bc93-6894a57f9324");
        assertThat(IdempotencyKeyHeader.keyOf(List.of("\"key\\\"with\\\\escapes\""))).isEqualTo("key\"with\\escapes");
    }

    @Test
    void lengthsFromEightTo128AreAccepted() {
        assertThat(IdempotencyKeyHeader.keyOf(List.of("12345678"))).hasSize(8);
        assertThat(IdempotencyKeyHeader.keyOf(List.of("k".repeat(128)))).hasSize(128);
        assertThat(IdempotencyKeyHeader.keyOf(List.of("  padded-key  "))).isEqualTo("padded-key");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "1234567", "has a space", "tab\tinside-key", "中文幂等键中文幂等键",
            "\"unterminated-key", "\"bad\\escape-key\"", "\"inner\"quote-key\"", "\"1234567\"" })
    void anythingElseIsRejected(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> IdempotencyKeyHeader.keyOf(List.of(value)));
    }

    @Test
    void tooLongIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> IdempotencyKeyHeader.keyOf(List.of("k".repeat(129))));
    }

    @Test
    void aKeySentTwiceIsAmbiguous() {
        assertThatIllegalArgumentException().isThrownBy(() -> IdempotencyKeyHeader.keyOf(
                List.of("first-key-123", "first-key-123")));
    }
}
