package cn.smartunion.aid.web;

/**
 * A request field breaks a rule the annotations cannot express (answered 400 {@code validation} naming the field).
 * The message is for the client and never carries the value.
 */
public class AidRuleViolation extends RuntimeException {

    private final String field;

    public AidRuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    public AidRuleViolation(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
