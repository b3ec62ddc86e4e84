package cn.smartunion.competition.members.domain;

/** A member's standing as membership-service last reported it. */
public enum MemberStanding {
    ACTIVE, RETAINED, TERMINATED;

    /** Active and retained (保留会籍) members count as members for members-only competitions. */
    public boolean isMember() {
        return this != TERMINATED;
    }
}
