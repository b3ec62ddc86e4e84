package cn.smartunion.rights.web;

/**
 * A request field breaks a rule the annotations cannot express (answered 400 {@code validation} naming the field).
 * The message is for the client and never carries the value.
 */
public class RightsRuleViolation extends RuntimeException {

    private final String field;

    public RightsRuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    public RightsRuleViolation(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
