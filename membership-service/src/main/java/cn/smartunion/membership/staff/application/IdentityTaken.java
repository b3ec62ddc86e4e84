package cn.smartunion.membership.staff.application;

/** The identity provider already has an account with this username or email. */
public class IdentityTaken extends RuntimeException {

    public IdentityTaken() {
        super("the username or email is already in use by another account");
    }
}
