package cn.smartunion.membership.member.domain;

/**
 * A decision on a transfer that is no longer pending: accepted, declined or withdrawn already, or past its deadline
 * (EXPIRED, even before the sweeper has recorded it). The loser of two concurrent decisions gets this.
 */
public class TransferNotOpen extends RuntimeException {

    private final TransferStatus status;

    public TransferNotOpen(TransferStatus status) {
        super("The transfer is " + status + " and can no longer be decided or withdrawn");
        this.status = status;
    }

    public TransferStatus status() {
        return status;
    }
}
