package cn.smartunion.rights.access;

import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.security.access.AccessDeniedException;

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
        requireAnyOf(caller, AGENT);
    }

    /** Agents or mediators: the people who work the cases. */
    public static void requireCaseWorker(OrgPrincipal caller) {
        requireAnyOf(caller, AGENT, MEDIATOR);
    }

    public static void requireReader(OrgPrincipal caller) {
        requireAnyOf(caller, AGENT, MEDIATOR, ANALYST);
    }

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
