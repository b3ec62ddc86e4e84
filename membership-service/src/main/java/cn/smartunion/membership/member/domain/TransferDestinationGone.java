package cn.smartunion.membership.member.domain;

/** The destination union was dissolved after the transfer was requested: it can only be declined now. */
public class TransferDestinationGone extends RuntimeException {

    public TransferDestinationGone() {
        super("The destination union has been dissolved and takes no members; decline the transfer");
    }
}
