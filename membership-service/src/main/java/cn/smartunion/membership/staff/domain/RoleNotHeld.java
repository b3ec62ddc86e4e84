package cn.smartunion.membership.staff.domain;

import java.util.Set;
import java.util.TreeSet;

/** Delegated administration: an administrator grants, changes or takes away only roles they hold themselves. */
public class RoleNotHeld extends RuntimeException {

    private final Set<String> roles;

    public RoleNotHeld(Set<String> roles) {
        super("you cannot manage accounts with roles you do not hold: " + String.join(", ", new TreeSet<>(roles)));
        this.roles = Set.copyOf(roles);
    }

    public Set<String> roles() {
        return roles;
    }
}
