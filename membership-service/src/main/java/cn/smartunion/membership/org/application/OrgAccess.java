package cn.smartunion.membership.org.application;

import cn.smartunion.membership.org.domain.OrgPath;
import cn.smartunion.membership.org.domain.OrgUnit;
import cn.smartunion.runtime.problem.ConflictException;
import cn.smartunion.runtime.problem.PreconditionFailedException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.security.access.AccessDeniedException;

/** Who may do what to which part of the tree, and what a stale revision is answered with. */
final class OrgAccess {

    static final String ADMIN_ROLE = "union-admin";

    private OrgAccess() {
    }

    static OrgPath scopeOf(OrgPrincipal caller) {
        if (caller.orgPath() == null) {
            throw new AccessDeniedException("the caller belongs to no union organisation");
        }
        return new OrgPath(caller.orgPath());
    }

    static void requireAdmin(OrgPrincipal caller, String what) {
        if (!caller.hasRole(ADMIN_ROLE)) {
            throw new AccessDeniedException(what + " needs the " + ADMIN_ROLE + " role");
        }
    }

    /** A client that names the revision it read ({@code If-Match}) gets 412 when the unit has moved on. */
    static void requireRevision(OrgUnit unit, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != unit.version()) {
            throw new PreconditionFailedException("the organisation is at revision " + unit.version()
                    + ", not " + expectedVersion + "; reload it and try again");
        }
    }

    /** The unit changed between reading and writing: 412 if the client named a revision, else 409. */
    static RuntimeException changedMeanwhile(Long expectedVersion) {
        return expectedVersion != null
                ? new PreconditionFailedException("the organisation was changed by another request; reload it and try again")
                : new ConflictException("the organisation was changed by another request; reload it and try again");
    }
}
