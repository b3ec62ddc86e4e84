package cn.smartunion.runtime.personaldata;

/**
 * An identifier failed validation. Carries which identifier and a stable reason code, never the rejected value:
 * the message is safe to log and is answered as a 400 field violation.
 */
public abstract class InvalidIdentifierException extends IllegalArgumentException {

    private final String identifierName;

    private final String reasonCode;

    protected InvalidIdentifierException(String identifierName, String description, Enum<?> reason) {
        super(description + " is invalid: " + reason.name());
        this.identifierName = identifierName;
        this.reasonCode = reason.name();
    }

    /** The identifier's field-style name, e.g. {@code citizenIdNumber}; used when the JSON field is unknown. */
    public String identifierName() {
        return identifierName;
    }

    /** Why it was rejected, e.g. {@code WRONG_CHECK_DIGIT}. */
    public String reasonCode() {
        return reasonCode;
    }
}
