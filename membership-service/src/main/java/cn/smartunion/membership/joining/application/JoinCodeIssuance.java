package cn.smartunion.membership.joining.application;

import cn.smartunion.contracts.membership.JoinChannel;
import cn.smartunion.membership.joining.domain.JoinCode;
import cn.smartunion.membership.joining.domain.JoinCodeRejected;
import cn.smartunion.membership.joining.domain.JoinCodeSigner;
import cn.smartunion.membership.member.application.MemberAccess;
import cn.smartunion.membership.member.domain.Joining;
import cn.smartunion.membership.member.domain.UnionOrgs;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;

/**
 * QR join codes (扫码入会): staff of a union (or of a union above it) issue signed, expiring codes for posters; a
 * worker's app looks a scanned code up to show which union it joins before the worker applies with it. Codes are not
 * stored: the signature is the proof, and removing a key from the configuration revokes every code signed with it.
 */
@Service
public class JoinCodeIssuance {

    private static final Logger audit = LoggerFactory.getLogger("cn.smartunion.audit.membership");

    private final JoinCodeSigner signer;
    private final JoinLinks links;
    private final UnionOrgs orgs;
    private final Clock clock;

    public JoinCodeIssuance(JoinCodeSigner signer, JoinLinks links, UnionOrgs orgs, Clock clock) {
        this.signer = signer;
        this.links = links;
        this.orgs = orgs;
        this.clock = clock;
    }

    /**
     * A new code for the union {@code orgId}, which must lie in the caller's subtree (otherwise not found) and still
     * take members.
     */
    public Issued issue(String orgId, Instant validUntil, String campaignId, OrgPrincipal caller) {
        MemberAccess.requireStaff(caller);
        UnionOrgs.UnionOrg org = orgs.find(orgId).filter(found -> MemberAccess.covers(caller, found.path()))
                .orElseThrow(() -> new NotFoundException("union organisation not found"));
        if (org.dissolved()) {
            throw new NotFoundException("union organisation not found");
        }
        // the same campaign id rules as on the member record it ends up on
        String campaign = new Joining(JoinChannel.QR_CODE, campaignId, null, null)
                .campaignId();
        JoinCodeSigner.JoinCodeToken signed = signer.sign(org.id(), campaign, validUntil, clock.instant());
        audit.info("join code issued orgId={} campaignId={} validUntil={} keyId={} actorSubject={}", org.id(),
                campaign, signed.code().validUntil(), signed.code().keyId(), caller.subject());
        return new Issued(signed.token(), links.linkTo(signed.token()), signed.code(), org.name());
    }

    /**
     * What a scanned code says, for a worker (role {@code member}) or staff previewing a poster.
     *
     * @throws NotFoundException for a code this service did not sign, one that was altered or whose key was retired,
     *                           and for a union that no longer exists
     * @throws JoinCodeRejected  {@code EXPIRED} for a genuine code past its validity, or whose union was dissolved
     */
    public Issued lookup(String token, OrgPrincipal caller) {
        if (!(caller.hasRole(MemberAccess.MEMBER_ROLE) || caller.hasRole(MemberAccess.STAFF_ROLE)
                || caller.hasRole(MemberAccess.ADMIN_ROLE))) {
            throw new AccessDeniedException("looking up a join code needs the member or a staff role");
        }
        JoinCode code;
        try {
            code = signer.verify(token, clock.instant());
        } catch (JoinCodeRejected rejected) {
            if (rejected.reason() == JoinCodeRejected.Reason.EXPIRED) {
                throw rejected;
            }
            throw new NotFoundException("join code not found");
        }
        UnionOrgs.UnionOrg org = orgs.find(code.orgId())
                .orElseThrow(() -> new NotFoundException("join code not found"));
        if (org.dissolved()) {
            throw new JoinCodeRejected(JoinCodeRejected.Reason.EXPIRED);
        }
        return new Issued(token, links.linkTo(token), code, org.name());
    }

    /**
     * A code with what it says.
     *
     * @param orgName the union's name, for the app to show before the worker applies
     */
    public record Issued(String token, String joinUrl, JoinCode code, String orgName) {
    }
}
