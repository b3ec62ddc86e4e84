package cn.smartunion.membership.enrolment.domain;

/** A job request that breaks a rule of collective enrolment; names the offending field. */
public class EnrolmentRuleViolation extends RuntimeException {

    private final String field;

    public EnrolmentRuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
