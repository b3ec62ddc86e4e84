package cn.smartunion.membership.verification.domain;

import java.util.List;

/** Where verification audit entries are kept: written once each, never changed. */
public interface VerificationAudits {

    /** Stores the entry durably; fails rather than lose it, so no answer goes out unaudited. */
    void record(VerificationAuditEntry entry);

    /**
     * Entries owned by the union at {@code scopePath} or below it, newest first.
     *
     * @param clientId null for every client
     */
    PageOf list(String scopePath, String clientId, int page, int size);

    record PageOf(List<VerificationAuditEntry> items, int page, int size, long totalItems) {
    }
}
