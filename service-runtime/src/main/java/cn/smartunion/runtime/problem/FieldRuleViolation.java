package cn.smartunion.runtime.problem;

/**
 * A request field breaks a rule the annotations cannot express. Answered with 400
 * {@code urn:smartunion:problem:validation} naming the field.
 *
 * <p>The message becomes the violation's message: write it for the client and never put the value (or any personal
 * data) in it. Plain Java so domain and application code may throw it.
 */
public class FieldRuleViolation extends RuntimeException {

    private final String field;

    public FieldRuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    public FieldRuleViolation(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
    }

    /** The request field, as a JSON path like {@code workers[0].citizenIdNumber}. */
    public String field() {
        return field;
    }
}
