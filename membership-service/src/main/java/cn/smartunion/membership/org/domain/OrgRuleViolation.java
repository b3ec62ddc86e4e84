package cn.smartunion.membership.org.domain;

/** A registration that breaks a rule of the organisation tree; names the offending field. */
public class OrgRuleViolation extends RuntimeException {

    private final String field;

    public OrgRuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
