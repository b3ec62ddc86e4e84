package cn.smartunion.membership.verification.domain;

import cn.smartunion.membership.member.domain.MemberStatus;

/**
 * What a membership verification (会员身份核验) answers about a person: an active member, a member whose membership is
 * kept after leaving employment (保留会籍), or not a member. "Not a member" also answers an unknown person and a name
 * that does not match the ID number, so the answer is no oracle for "this ID number belongs to a member".
 */
public enum VerificationStatus {
    ACTIVE,
    RETAINED,
    NOT_A_MEMBER;

    /**
     * @param memberStatus the status of the record matching ID number and name, null when none matches
     */
    public static VerificationStatus of(MemberStatus memberStatus) {
        if (memberStatus == null) {
            return NOT_A_MEMBER;
        }
        return switch (memberStatus) {
            // a pending transfer changes nothing yet: the person is a member of the origin union until it is accepted
            case ACTIVE, TRANSFER_PENDING -> ACTIVE;
            case RETAINED -> RETAINED;
            case TERMINATED -> NOT_A_MEMBER;
        };
    }

    /** The portal asks whether the person is an active member: only ACTIVE is verified. */
    public boolean verified() {
        return this == ACTIVE;
    }

    /**
     * Only an active member's union is named. A retained member's record is kept by the union of the employer they
     * left (DOMAIN.md §2.4, rules still undefined), so naming it would tell the portal about past employment.
     */
    public boolean disclosesUnion() {
        return this == ACTIVE;
    }
}
