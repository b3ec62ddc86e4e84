package cn.smartunion.runtime.idempotency;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The final response of the first request with a key, kept for its retries exactly as it was served.
 *
 * <p>Stored as served, for the retention period, in the service's own database: this relies on the suite's rule that
 * responses carry personal data masked only (ARCHITECTURE §6), never unmasked values. A write endpoint that answered
 * with an unmasked citizen ID, phone or bank-card number would also leave it, in clear, in {@code idempotency_keys}.
 *
 * @param status the HTTP status
 * @param headers the replayed headers ({@link IdempotencyFilter#REPLAYED_HEADERS}), in the order they were set
 * @param body the body; null when it was larger than {@code smartunion.idempotency.max-stored-body} and was not kept
 */
record StoredResponse(int status, List<Header> headers, byte @Nullable [] body) {

    StoredResponse {
        headers = List.copyOf(headers);
    }

    boolean bodyOmitted() {
        return body == null;
    }

    record Header(String name, String value) {
    }
}
