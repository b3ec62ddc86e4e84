package cn.smartunion.membership.member.application;

import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what with member records, for the web adapters and for use cases that act for a caller (joining,
 * enrolment, transfers): staff roles gate the staff API (403), and a record or union outside the caller's subtree is
 * answered as not found (404), so its existence is not revealed.
 */
public final class MemberAccess {

    public static final String STAFF_ROLE = "union-staff";
    public static final String ADMIN_ROLE = "union-admin";
    public static final String MEMBER_ROLE = "member";

    private MemberAccess() {
    }

    /** Union staff or admins of some union; partner clients (no org path) are refused too. */
    public static void requireStaff(OrgPrincipal caller) {
        if (!(caller.hasRole(STAFF_ROLE) || caller.hasRole(ADMIN_ROLE)) || !caller.hasOrgPath()) {
            throw new AccessDeniedException("member records need the " + STAFF_ROLE + " or " + ADMIN_ROLE + " role");
        }
    }

    public static void requireMember(OrgPrincipal caller) {
        if (!caller.hasRole(MEMBER_ROLE)) {
            throw new AccessDeniedException("this needs the " + MEMBER_ROLE + " role");
        }
    }

    /** True when a record owned by the union at {@code orgPath} lies in the caller's subtree. */
    public static boolean covers(OrgPrincipal caller, String orgPath) {
        return caller.covers(orgPath);
    }

    /** The caller's subtree, for scoped queries. */
    static String scopeOf(OrgPrincipal caller) {
        if (!caller.hasOrgPath()) {
            throw new AccessDeniedException("the caller belongs to no union organisation");
        }
        return caller.orgPath();
    }
}
