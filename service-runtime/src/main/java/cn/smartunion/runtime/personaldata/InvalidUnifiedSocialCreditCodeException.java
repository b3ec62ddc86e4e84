package cn.smartunion.runtime.personaldata;

/** A string is not a valid unified social credit code (统一社会信用代码). */
public class InvalidUnifiedSocialCreditCodeException extends InvalidIdentifierException {

    public enum Reason {
        BLANK, WRONG_LENGTH, ILLEGAL_CHARACTER, WRONG_CHECK_DIGIT
    }

    private final Reason reason;

    public InvalidUnifiedSocialCreditCodeException(Reason reason) {
        super("unifiedSocialCreditCode", "Unified social credit code", reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
