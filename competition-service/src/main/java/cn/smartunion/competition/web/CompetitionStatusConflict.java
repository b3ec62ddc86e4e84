package cn.smartunion.competition.web;

/**
 * The record is not in a status that allows the action, e.g. registering after the window closed or scoring a
 * withdrawn entry (answered 409 {@code competition-status-conflict} with the current {@code status}). The loser of two
 * concurrent decisions gets it too.
 */
public class CompetitionStatusConflict extends RuntimeException {

    private final String status;

    public CompetitionStatusConflict(String what, String status) {
        super(what + " is " + status);
        this.status = status;
    }

    public String status() {
        return status;
    }
}
