package cn.smartunion.aid.access;

import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what with aid records. Staff act within their union's subtree (county its own, city its counties,
 * province all): a record elsewhere is answered as not found (404). Within it, roles decide (403): aid officers file
 * and record, aid approvers decide, analysts read. Rights or competition roles see nothing here.
 */
public final class AidAccess {

    public static final String OFFICER = "aid-officer";
    public static final String APPROVER = "aid-approver";
    public static final String ANALYST = "analyst";
    public static final String MEMBER = "member";

    private AidAccess() {
    }

    public static void requireOfficer(OrgPrincipal caller) {
        requireAnyOf(caller, OFFICER);
    }

    public static void requireApprover(OrgPrincipal caller) {
        requireAnyOf(caller, APPROVER);
    }

    /** Officers, approvers and analysts read aid records (personal data masked). */
    public static void requireReader(OrgPrincipal caller) {
        requireAnyOf(caller, OFFICER, APPROVER, ANALYST);
    }

    /** Officers or approvers: the people who work the files. */
    public static void requireStaff(OrgPrincipal caller) {
        requireAnyOf(caller, OFFICER, APPROVER);
    }

    /** Fails with 404 unless a record owned by {@code orgPath} lies in the caller's subtree. */
    public static void requireWithin(OrgPrincipal caller, String orgPath, String what) {
        if (!caller.covers(orgPath)) {
            throw new NotFoundException(what);
        }
    }

    private static void requireAnyOf(OrgPrincipal caller, String... roles) {
        if (caller.hasOrgPath()) {
            for (String role : roles) {
                if (caller.hasRole(role)) {
                    return;
                }
            }
        }
        throw new AccessDeniedException("this needs one of the roles " + String.join(", ", roles));
    }
}
