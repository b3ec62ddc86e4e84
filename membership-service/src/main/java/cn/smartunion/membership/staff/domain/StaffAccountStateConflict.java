package cn.smartunion.membership.staff.domain;

/** The change is not possible in the account's current state (e.g. changing the roles of a disabled account). */
public class StaffAccountStateConflict extends RuntimeException {

    public StaffAccountStateConflict(String message) {
        super(message);
    }
}
