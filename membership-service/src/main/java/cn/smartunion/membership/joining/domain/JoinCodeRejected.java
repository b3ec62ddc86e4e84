package cn.smartunion.membership.joining.domain;

/**
 * A join code that cannot be used: not one of ours (malformed, tampered with, signed with an unknown or retired key)
 * or past its validity. Never carries the token.
 */
public class JoinCodeRejected extends RuntimeException {

    public enum Reason {
        INVALID,
        EXPIRED
    }

    private final Reason reason;

    public JoinCodeRejected(Reason reason) {
        super(reason == Reason.EXPIRED ? "the join code has expired" : "not a valid join code", null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
