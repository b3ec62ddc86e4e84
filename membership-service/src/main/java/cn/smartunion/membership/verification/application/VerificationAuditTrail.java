package cn.smartunion.membership.verification.application;

import cn.smartunion.membership.member.application.MemberAccess;
import cn.smartunion.membership.verification.domain.VerificationAudits;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Reading the verification audit trail: union administrators only, limited in the query to entries owned by their
 * subtree. Entries are owned by the partner's org path (the province for the portal), so in practice the province's
 * administrators read them; an administrator below sees an empty trail.
 */
@Service
public class VerificationAuditTrail {

    public static final int MAX_PAGE_SIZE = 200;

    private final VerificationAudits audits;

    public VerificationAuditTrail(VerificationAudits audits) {
        this.audits = audits;
    }

    /**
     * @param clientId null for every partner client
     */
    public VerificationAudits.PageOf list(OrgPrincipal caller, String clientId, int page, int size) {
        if (!caller.hasRole(MemberAccess.ADMIN_ROLE) || !caller.hasOrgPath()) {
            throw new AccessDeniedException("the verification audit trail needs the " + MemberAccess.ADMIN_ROLE
                    + " role");
        }
        String client = clientId == null || clientId.isBlank() ? null : clientId.strip();
        return audits.list(caller.orgPath(), client, page, Math.min(size, MAX_PAGE_SIZE));
    }
}
