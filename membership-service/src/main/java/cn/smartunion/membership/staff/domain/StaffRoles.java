package cn.smartunion.membership.staff.domain;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The realm roles a staff account may be given through delegated administration: a configured allow-list of staff
 * roles, never the identity provider's own administration roles, never a member's or a partner system's role.
 */
public final class StaffRoles {

    /** Roles that are never assignable here, whatever the configuration says. */
    public static final Set<String> NEVER_ASSIGNABLE = Set.of("member", "partner-portal", "admin", "realm-admin",
            "create-realm", "offline_access", "uma_authorization");

    private final Set<String> assignable;

    public StaffRoles(Set<String> assignable) {
        if (assignable == null || assignable.isEmpty()) {
            throw new IllegalArgumentException("the assignable staff roles must not be empty");
        }
        for (String role : assignable) {
            if (NEVER_ASSIGNABLE.contains(role) || role.startsWith("default-roles-") || role.startsWith("manage-")
                    || role.startsWith("view-") || role.startsWith("query-") || role.isBlank()) {
                throw new IllegalArgumentException("'" + role + "' must never be an assignable staff role");
            }
        }
        this.assignable = Set.copyOf(assignable);
    }

    public Set<String> assignable() {
        return assignable;
    }

    /** The requested roles, checked: at least one, each on the allow-list. */
    public Set<String> check(Set<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw new StaffAccountRuleViolation("roles", "at least one role is required");
        }
        Set<String> unknown = new TreeSet<>(requested);
        unknown.removeAll(assignable);
        if (!unknown.isEmpty()) {
            throw new StaffAccountRuleViolation("roles", "not an assignable staff role: " + String.join(", ", unknown)
                    + " (assignable: " + String.join(", ", new TreeSet<>(assignable)) + ")");
        }
        return Set.copyOf(requested);
    }

    /** Fails with {@link RoleNotHeld} unless the administrator holds every one of {@code roles}. */
    public static void requireHeld(Set<String> administratorRoles, Set<String> roles) {
        Set<String> missing = new LinkedHashSet<>(roles);
        missing.removeAll(administratorRoles);
        if (!missing.isEmpty()) {
            throw new RoleNotHeld(missing);
        }
    }
}
