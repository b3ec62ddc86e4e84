package cn.smartunion.aid.approval.domain;

import cn.smartunion.contracts.aid.ApprovalLevel;

/** The caller may not approve this record (answered 403 {@code approval-refused} with the reason). */
public class ApprovalRefused extends RuntimeException {

    public enum Reason {
        /** Maker-checker: whoever filed or entered a record never approves it. */
        APPROVER_IS_FILER,
        /** The amount needs a higher union than the approver's (see {@code requiredLevel}). */
        LEVEL_TOO_LOW
    }

    private final Reason reason;
    private final ApprovalLevel requiredLevel;

    public ApprovalRefused(Reason reason, ApprovalLevel requiredLevel) {
        super(reason == Reason.APPROVER_IS_FILER ? "the approver filed this record"
                : "approving this amount needs a union at level " + requiredLevel);
        this.reason = reason;
        this.requiredLevel = requiredLevel;
    }

    public Reason reason() {
        return reason;
    }

    public ApprovalLevel requiredLevel() {
        return requiredLevel;
    }
}
