package cn.smartunion.runtime.personaldata;

/** A string is not a valid citizen ID number (公民身份号码). The number itself is never part of the exception. */
public class InvalidCitizenIdNumberException extends InvalidIdentifierException {

    public enum Reason {
        BLANK, WRONG_LENGTH, ILLEGAL_CHARACTER, UNKNOWN_REGION, INVALID_BIRTH_DATE, WRONG_CHECK_DIGIT
    }

    private final Reason reason;

    public InvalidCitizenIdNumberException(Reason reason) {
        super("citizenIdNumber", "Citizen ID number", reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
