package cn.smartunion.competition.honour.domain;

/**
 * The same person may not both nominate and approve (maker-checker; answered 403 {@code maker-checker} with the
 * reason {@code SAME_PERSON}).
 */
public class MakerCheckerViolation extends RuntimeException {

    public MakerCheckerViolation(String message) {
        super(message);
    }

    public String reason() {
        return "SAME_PERSON";
    }
}
