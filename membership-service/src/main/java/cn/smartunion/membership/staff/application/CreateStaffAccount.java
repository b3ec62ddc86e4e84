package cn.smartunion.membership.staff.application;

import java.util.Set;

/** Create a staff account for an organisation, with realm roles the administrator holds. */
public record CreateStaffAccount(String username, String email, String firstName, String lastName, String orgId,
                                 Set<String> roles) {

    @Override
    public String toString() {
        return "CreateStaffAccount[orgId=" + orgId + ", roles=" + roles + "]";
    }
}
