package cn.smartunion.competition.access;

import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what with competition records. Staff act within their union's subtree: anything outside it is answered
 * as not found (404); within it, roles decide (403). Organisers run competitions and honours, union admins register
 * teams on their workers' behalf and nominate, judges score what their panel is offered, analysts read. Members act
 * only for themselves. Aid or rights roles see nothing here.
 */
public final class CompetitionAccess {

    public static final String ORGANISER = "competition-organiser";
    public static final String JUDGE = "judge";
    public static final String UNION_ADMIN = "union-admin";
    public static final String ANALYST = "analyst";
    public static final String MEMBER = "member";

    private CompetitionAccess() {
    }

    public static void requireOrganiser(OrgPrincipal caller) {
        caller.requireAnyRole(ORGANISER);
    }

    /** Organisers or union admins: the staff who register entrants on a worker's or a team's behalf. */
    public static void requireRegistrar(OrgPrincipal caller) {
        caller.requireAnyRole(ORGANISER, UNION_ADMIN);
    }

    public static void requireJudge(OrgPrincipal caller) {
        caller.requireAnyRole(JUDGE);
    }

    /** Staff who may read competition records of their subtree. */
    public static void requireReader(OrgPrincipal caller) {
        caller.requireAnyRole(ORGANISER, UNION_ADMIN, JUDGE, ANALYST);
    }

    public static void requireMember(OrgPrincipal caller) {
        if (!caller.hasRole(MEMBER)) {
            throw new AccessDeniedException("this needs the role " + MEMBER);
        }
    }
}
