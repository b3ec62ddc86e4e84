package cn.smartunion.competition.web;

/**
 * The entrant (or one member of a team) does not meet the competition's eligibility rules (answered 422
 * {@code not-eligible} with a stable {@code reason} code and, for teams, the position of the participant). The message
 * never names the person.
 *
 * @see Reason
 */
public class NotEligible extends RuntimeException {

    /** Why an entrant is not eligible. */
    public enum Reason {
        NOT_A_MEMBER, MEMBERSHIP_NOT_ACTIVE, AGE_OUT_OF_RANGE, GROUP_NOT_ELIGIBLE, TRADE_NOT_CONTESTED,
        ALREADY_REGISTERED, OUTSIDE_ORGANISER_AREA, JUDGE_ACCOUNT_NOT_LINKED, MEMBER_OUTSIDE_REGISTRAR_SCOPE,
        QUOTA_EXHAUSTED
    }

    private final Reason reason;
    private final Integer participant;

    public NotEligible(Reason reason, String message) {
        this(reason, null, message);
    }

    /** @param participant the zero-based position of the team member concerned, null for the entrant as a whole */
    public NotEligible(Reason reason, Integer participant, String message) {
        super(message);
        this.reason = reason;
        this.participant = participant;
    }

    public Reason reason() {
        return reason;
    }

    public Integer participant() {
        return participant;
    }
}
