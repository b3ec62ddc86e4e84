package cn.smartunion.aid.mutualaid.domain;

public enum ClaimStatus {
    SUBMITTED,
    /** Approval under way: the annual limit and budget are being committed (crash-safe; approving again finishes). */
    APPROVING,
    APPROVED,
    REJECTED,
    PAID
}
