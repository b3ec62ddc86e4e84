package cn.smartunion.membership.member.domain;

/**
 * Where a membership stands (DOMAIN.md §2.2). Applications are a separate aggregate, so a member record starts
 * ACTIVE; a TERMINATED record is kept and re-activated if the same person joins again.
 */
public enum MemberStatus {
    ACTIVE,
    /** A transfer (转会) to another union awaits the destination's decision. */
    TRANSFER_PENDING,
    /** 保留会籍: membership kept after leaving employment. */
    RETAINED,
    TERMINATED;

    /** True while the person counts as a member, i.e. may not be registered a second time. */
    public boolean isMember() {
        return this != TERMINATED;
    }
}
