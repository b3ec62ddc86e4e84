package cn.smartunion.aid.web;

/**
 * The record is not in a status that allows the action, e.g. approving a case that was approved already or paying a
 * rejected claim (answered 409 {@code aid-status-conflict} with the current {@code status}). The loser of two
 * concurrent decisions gets it too.
 */
public class AidStatusConflict extends RuntimeException {

    private final String status;

    public AidStatusConflict(String what, String status) {
        super(what + " is " + status);
        this.status = status;
    }

    public String status() {
        return status;
    }
}
