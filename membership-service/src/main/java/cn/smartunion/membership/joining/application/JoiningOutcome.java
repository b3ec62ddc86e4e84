package cn.smartunion.membership.joining.application;

import cn.smartunion.membership.joining.domain.Application;

/** The outcome of submitting or approving an application. */
public sealed interface JoiningOutcome permits JoiningOutcome.Recorded, JoiningOutcome.AlreadyMember {

    /** The application as stored after the step (SUBMITTED after submitting, APPROVED after approving). */
    record Recorded(Application application) implements JoiningOutcome {
    }

    /**
     * The applicant is a member already (by another way than this application); answered like the member feature
     * answers it, without saying where.
     */
    record AlreadyMember() implements JoiningOutcome {
    }
}
