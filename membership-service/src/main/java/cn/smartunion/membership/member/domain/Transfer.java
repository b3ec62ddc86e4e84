package cn.smartunion.membership.member.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One transfer (转会/接转) of a member from the union {@code from} to the union {@code to}. While PENDING it is the
 * time-boxed grant that lets staff of the destination subtree see a minimal, masked view of the member until
 * {@code expiresAt}; once closed it stays on the record as history.
 *
 * @param requestedBy   the member themself or origin staff acting for them (帮办)
 * @param closedAt      null while pending
 * @param closedBy      who accepted, declined or withdrew; {@link Actor#SYSTEM} for an expiry; null while pending
 * @param declineReason only for a DECLINED transfer
 * @param effectiveOn   the union-calendar date the transfer took effect (accepted) or ended (otherwise); null while
 *                      pending
 */
public record Transfer(String id, OrgRef from, OrgRef to, Actor requestedBy, TransferReason reason,
                       Instant requestedAt, Instant expiresAt, TransferStatus status, Instant closedAt, Actor closedBy,
                       TransferDeclineReason declineReason, LocalDate effectiveOn) {

    public Transfer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(status, "status");
        if (!expiresAt.isAfter(requestedAt)) {
            throw new IllegalArgumentException("a transfer expires after it was requested");
        }
        if (status.isOpen() != (closedAt == null)) {
            throw new IllegalArgumentException("a transfer has a closing time exactly when it is closed");
        }
    }

    static Transfer requested(String id, OrgRef from, OrgRef to, Actor requestedBy, TransferReason reason,
                              Instant requestedAt, Instant expiresAt) {
        return new Transfer(id, from, to, requestedBy, reason, requestedAt, expiresAt, TransferStatus.PENDING, null,
                null, null, null);
    }

    Transfer closed(TransferStatus outcome, OrgRef finalTo, Instant at, Actor by, TransferDeclineReason why,
                    LocalDate on) {
        if (outcome.isOpen()) {
            throw new IllegalArgumentException("closing needs an outcome");
        }
        return new Transfer(id, from, finalTo, requestedBy, reason, requestedAt, expiresAt, outcome, at, by, why, on);
    }

    /** The provinces differ: the first segment of the org path is the province (or another root of the tree). */
    public boolean crossProvince() {
        return !root(from.path()).equals(root(to.path()));
    }

    /** True from {@code expiresAt} on: the destination may no longer decide, and its view of the member ends. */
    public boolean isDueAt(Instant at) {
        return status.isOpen() && !at.isBefore(expiresAt);
    }

    private static String root(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash);
    }
}
