package cn.smartunion.runtime.idempotency;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The {@code Idempotency-Key} request header (draft-ietf-httpapi-idempotency-key-header) and the
 * {@code Idempotent-Replayed} response header that marks a replayed response.
 *
 * <p>A key is 8 to 128 visible ASCII characters ({@code %x21-7E}, no spaces), e.g. a UUID. It may be sent bare
 * ({@code Idempotency-Key: 8e03978e-40d5-43e8-bc93-6894a57f9324}) or as the draft's structured-field string
 * ({@code Idempotency-Key: "8e03978e-..."}, {@code \"} and {@code \\} escapes allowed); both name the same key. The
 * header must be sent once: two values are ambiguous and rejected.
 */
public final class IdempotencyKeyHeader {

    public static final String NAME = "Idempotency-Key";

    /** Set to {@code true} on a response that is the stored response of an earlier request with the same key. */
    public static final String REPLAYED = "Idempotent-Replayed";

    public static final int MIN_LENGTH = 8;

    public static final int MAX_LENGTH = 128;

    private IdempotencyKeyHeader() {
    }

    /**
     * The key carried by a request's {@code Idempotency-Key} header values: null when there is none.
     *
     * @throws IllegalArgumentException when the header is present but not one acceptable key
     */
    public static @Nullable String keyOf(List<String> headerValues) {
        if (headerValues.isEmpty()) {
            return null;
        }
        if (headerValues.size() > 1) {
            throw new IllegalArgumentException("Idempotency-Key sent more than once");
        }
        String value = headerValues.get(0).strip();
        String key = value.startsWith("\"") ? unquote(value) : value;
        if (key.length() < MIN_LENGTH || key.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Idempotency-Key must have " + MIN_LENGTH + " to " + MAX_LENGTH
                    + " characters");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                throw new IllegalArgumentException("Idempotency-Key must be visible ASCII characters");
            }
        }
        return key;
    }

    /** RFC 8941 sf-string: {@code DQUOTE *( unescaped / "\" ( DQUOTE / "\" ) ) DQUOTE}. */
    private static String unquote(String quoted) {
        if (quoted.length() < 2 || !quoted.endsWith("\"")) {
            throw new IllegalArgumentException("Idempotency-Key has an unterminated string");
        }
        StringBuilder key = new StringBuilder(quoted.length());
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c == '\\') {
                if (i + 1 >= quoted.length() - 1) {
                    throw new IllegalArgumentException("Idempotency-Key ends with a lone backslash");
                }
                char escaped = quoted.charAt(++i);
                if (escaped != '"' && escaped != '\\') {
                    throw new IllegalArgumentException("Idempotency-Key has an invalid escape");
                }
                key.append(escaped);
            }
            else if (c == '"') {
                throw new IllegalArgumentException("Idempotency-Key has an unescaped quote");
            }
            else {
                key.append(c);
            }
        }
        return key.toString();
    }
}
