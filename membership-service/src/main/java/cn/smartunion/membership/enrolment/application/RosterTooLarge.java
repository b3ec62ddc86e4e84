package cn.smartunion.membership.enrolment.application;

/** An upload above {@code smartunion.enrolment.max-file-size}; answered with 413. */
public class RosterTooLarge extends RuntimeException {

    private final long limitBytes;

    public RosterTooLarge(long limitBytes) {
        super("the roster exceeds " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
