package cn.smartunion.membership.member.domain;

/** A lifecycle change the member's current status does not allow (e.g. reinstating an active member). */
public class IllegalMemberTransition extends RuntimeException {

    private final MemberStatus from;

    public IllegalMemberTransition(MemberStatus from, String change) {
        super("A member who is " + from + " cannot be " + change);
        this.from = from;
    }

    public MemberStatus from() {
        return from;
    }
}
