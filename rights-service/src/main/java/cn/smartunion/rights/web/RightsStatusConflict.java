package cn.smartunion.rights.web;

/**
 * The record is not in a status that allows the action, e.g. accepting a work order that was closed already or
 * mediating a referred case (answered 409 {@code rights-status-conflict} with the current {@code status}). The loser of two
 * concurrent decisions gets it too.
 */
public class RightsStatusConflict extends RuntimeException {

    private final String status;

    public RightsStatusConflict(String what, String status) {
        super(what + " is " + status);
        this.status = status;
    }

    public String status() {
        return status;
    }
}
