package cn.smartunion.rights.access;

import cn.smartunion.runtime.scope.OrgPrincipal;

/**
 * Who may do what with rights records. Staff act within their union's subtree, plus the work orders explicitly
 * dispatched to their union (a time-boxed, audited grant on the order): anything else is answered as not found
 * (404). Within it, roles decide (403): rights agents (12351 agents, rights staff) handle orders and cases, mediators
 * record mediation, analysts read. Aid or competition roles see nothing here.
 */
public final class RightsAccess {

    public static final String AGENT = "rights-agent";
    public static final String MEDIATOR = "mediator";
    public static final String ANALYST = "analyst";

    private RightsAccess() {
    }

    public static void requireAgent(OrgPrincipal caller) {
        caller.requireAnyRole(AGENT);
    }

    /** Agents or mediators: the people who work the cases. */
    public static void requireCaseWorker(OrgPrincipal caller) {
        caller.requireAnyRole(AGENT, MEDIATOR);
    }

    public static void requireReader(OrgPrincipal caller) {
        caller.requireAnyRole(AGENT, MEDIATOR, ANALYST);
    }
}
