package cn.smartunion.rights.dispute.domain;

/** A value in the request breaks a case rule (answered 400 naming {@code field}); the message never holds the value. */
public class CaseRuleViolation extends RuntimeException {

    private final String field;

    public CaseRuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
