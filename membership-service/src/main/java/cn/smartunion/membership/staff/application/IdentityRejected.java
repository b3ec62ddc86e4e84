package cn.smartunion.membership.staff.application;

/** The identity provider refused the account's data (its user profile validation); names the field when it can. */
public class IdentityRejected extends RuntimeException {

    private final String field;

    public IdentityRejected(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
