package cn.smartunion.rights.workorder.domain;

/** RECEIVED → DISPATCHED → ACCEPTED → RESOLVED → (RATED) → CLOSED; the centre may resolve a RECEIVED order itself. */
public enum WorkOrderStatus {
    RECEIVED, DISPATCHED, ACCEPTED, RESOLVED, RATED, CLOSED;

    public boolean open() {
        return this == RECEIVED || this == DISPATCHED || this == ACCEPTED;
    }
}
