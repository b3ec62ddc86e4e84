package cn.smartunion.aid.casefile.domain;

/**
 * Where a hardship case file stands. {@code APPROVING} is the crash-safe middle of an approval: the budget commitment
 * is being made; the case becomes {@code APPROVED} once it is, or goes back to {@code REVIEWED} if the line is short.
 */
public enum CaseStatus {
    IDENTIFIED,
    FILED,
    REVIEWED,
    APPROVING,
    APPROVED,
    RELIEVED,
    CONSOLIDATION,
    CLOSED
}
