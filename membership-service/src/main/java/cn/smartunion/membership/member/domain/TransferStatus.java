package cn.smartunion.membership.member.domain;

/** Where a transfer stands: PENDING until the destination decides, the requester withdraws or it expires. */
public enum TransferStatus {
    PENDING,
    /** The member moved to the destination union. */
    ACCEPTED,
    DECLINED,
    /** Unanswered until its deadline; the member stayed in the origin union. */
    EXPIRED,
    WITHDRAWN;

    public boolean isOpen() {
        return this == PENDING;
    }
}
