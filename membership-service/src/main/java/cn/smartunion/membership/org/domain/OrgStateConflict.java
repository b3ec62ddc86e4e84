package cn.smartunion.membership.org.domain;

/** A change the organisation's current state does not allow (dissolved, still has members or units under it). */
public class OrgStateConflict extends RuntimeException {

    public OrgStateConflict(String message) {
        super(message);
    }
}
