package cn.smartunion.rights.dispute.domain;

/** The case is not in a status (or state) that allows the action. */
public class CaseStatusConflict extends RuntimeException {

    private final String status;

    public CaseStatusConflict(String what, DisputeStatus status) {
        super(what);
        this.status = status.name();
    }

    public String status() {
        return status;
    }
}
