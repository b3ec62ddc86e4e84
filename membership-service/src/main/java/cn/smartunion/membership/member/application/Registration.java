package cn.smartunion.membership.member.application;

/** The outcome of {@link MemberRegistration#register}. */
public sealed interface Registration permits Registration.Activated, Registration.AlreadyMember {

    /**
     * The person is now an active member.
     *
     * @param firstJoin false when a former (terminated) member's record was re-activated
     */
    record Activated(String memberId, boolean firstJoin) implements Registration {
    }

    /**
     * The person is already a member (active, retained or in transfer) somewhere in the province. Deliberately says
     * neither where nor under which id: the caller may not be allowed to know.
     */
    record AlreadyMember() implements Registration {
    }
}
