package cn.smartunion.membership.staff.domain;

/** A request that breaks a rule of staff accounts; names the offending field. */
public class StaffAccountRuleViolation extends RuntimeException {

    private final String field;

    public StaffAccountRuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
