package cn.smartunion.aid.access;

import cn.smartunion.runtime.scope.OrgPrincipal;

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
        caller.requireAnyRole(OFFICER);
    }

    public static void requireApprover(OrgPrincipal caller) {
        caller.requireAnyRole(APPROVER);
    }

    /** Officers, approvers and analysts read aid records (personal data masked). */
    public static void requireReader(OrgPrincipal caller) {
        caller.requireAnyRole(OFFICER, APPROVER, ANALYST);
    }

    /** Officers or approvers: the people who work the files. */
    public static void requireStaff(OrgPrincipal caller) {
        caller.requireAnyRole(OFFICER, APPROVER);
    }
}
