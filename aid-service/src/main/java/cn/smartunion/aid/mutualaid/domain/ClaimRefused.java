package cn.smartunion.aid.mutualaid.domain;

import cn.smartunion.contracts.aid.ClaimRejectionReason;

/**
 * The claim cannot be accepted as filed (answered 422 {@code claim-refused} with the {@code reason}): the enrolment
 * did not cover the illness date, or the plan version in force that day does not list the disease. The message never
 * names the disease.
 */
public class ClaimRefused extends RuntimeException {

    private final ClaimRejectionReason reason;

    public ClaimRefused(ClaimRejectionReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ClaimRejectionReason reason() {
        return reason;
    }
}
