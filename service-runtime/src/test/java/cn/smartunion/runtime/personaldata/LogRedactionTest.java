package cn.smartunion.runtime.personaldata;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogRedactionTest {

    private static final String ID = "11010519491231002X";
    private static final String PHONE = "13812345678";
    private static final String CARD = "6222021234567890123";

    @Test
    void identifiersInFreeTextAreMasked() {
        String redacted = LogRedaction.redact("E11000 duplicate key { idNumber: \"" + ID + "\", phone: " + PHONE
                + " } card=" + CARD + " 手机" + PHONE + "号");

        assertThat(redacted).doesNotContain(ID, PHONE, CARD)
                .contains("1101**********002X", "138****5678", "***************0123", "手机138****5678号");
    }

    @Test
    void otherNumbersAndTextAreLeftAlone() {
        String text = "order 42 of 2026-11-21, port 27017, id 5f3a9c1e8b2d4a6f7c0e1b2a, path 420000/420300";
        assertThat(LogRedaction.redact(text)).isEqualTo(text);
        assertThat(LogRedaction.redact((String) null)).isNull();
    }

    @Test
    void aFailureIsCopiedWithItsTypesAndStackTracesButRedactedMessages() {
        var cause = new IllegalArgumentException("bad value " + ID);
        var failure = new IllegalStateException("write failed for " + PHONE, cause);

        Throwable redacted = LogRedaction.redact(failure);

        assertThat(redacted.getMessage()).isEqualTo("java.lang.IllegalStateException: write failed for 138****5678");
        assertThat(redacted.getStackTrace()).isEqualTo(failure.getStackTrace());
        assertThat(redacted.getCause().getMessage())
                .isEqualTo("java.lang.IllegalArgumentException: bad value 1101**********002X");
        assertThat(redacted.getCause().getStackTrace()).isEqualTo(cause.getStackTrace());
    }
}
