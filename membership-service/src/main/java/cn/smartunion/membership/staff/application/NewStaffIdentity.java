package cn.smartunion.membership.staff.application;

import java.util.Set;

/** What the identity provider needs to create a staff account. The temporary password is never logged or stored. */
public record NewStaffIdentity(String staffAccountId, String username, String email, String firstName,
                               String lastName, String orgPath, Set<String> roles, String temporaryPassword) {

    @Override
    public String toString() {
        // no personal data and never the password in logs or exception messages
        return "NewStaffIdentity[staffAccountId=" + staffAccountId + ", orgPath=" + orgPath + ", roles=" + roles + "]";
    }
}
