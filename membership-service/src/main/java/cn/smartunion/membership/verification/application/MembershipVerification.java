package cn.smartunion.membership.verification.application;

import cn.smartunion.membership.member.application.MemberQueries;
import cn.smartunion.membership.member.domain.MemberRuleViolation;
import cn.smartunion.membership.verification.domain.VerificationAuditEntry;
import cn.smartunion.membership.verification.domain.VerificationAuditEntry.Match;
import cn.smartunion.membership.verification.domain.VerificationAuditEntry.Outcome;
import cn.smartunion.membership.verification.domain.VerificationAudits;
import cn.smartunion.membership.verification.domain.VerificationStatus;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Membership verification (会员身份核验) for the provincial e-government portal: given a citizen ID number and a legal
 * name, whether the person is an active member and of which union, nothing more. Only the portal's service account
 * (realm role {@value #PARTNER_ROLE}, which the realm grants to that account alone) may ask, and only about members
 * within its own org path. Every answer, and every rejected input, is written to the audit trail before it is given;
 * if the audit cannot be written, no answer is given.
 */
@Service
public class MembershipVerification {

    public static final String PARTNER_ROLE = "partner-portal";

    private static final Logger audit = LoggerFactory.getLogger("cn.smartunion.audit.membership");

    private final MemberQueries members;
    private final VerificationAudits audits;
    private final Clock clock;

    public MembershipVerification(MemberQueries members, VerificationAudits audits, Clock clock) {
        this.members = members;
        this.audits = audits;
        this.clock = clock;
    }

    /**
     * @param clientId  the OAuth2 client of the caller's token ({@code azp})
     * @param requestId the request's correlation id
     * @throws AccessDeniedException for any caller but a partner with the {@value #PARTNER_ROLE} role and an org path
     * @throws MemberRuleViolation   naming {@code citizenIdNumber} or {@code legalName} when one is invalid (audited)
     */
    public Verification verify(OrgPrincipal caller, String clientId, String requestId, String citizenIdNumber,
                               String legalName) {
        requirePartner(caller);
        String verificationId = UUID.randomUUID().toString();
        Instant at = clock.instant();
        MemberQueries.Standing standing;
        try {
            standing = members.standing(citizenIdNumber, legalName, caller.orgPath());
        } catch (MemberRuleViolation invalid) {
            record(new VerificationAuditEntry(verificationId, clientId, caller.subject(), at, Outcome.INVALID_INPUT,
                    Match.NOT_LOOKED_UP, null, null, invalid.field(), requestId, caller.orgPath()));
            throw invalid;
        }
        VerificationStatus status = VerificationStatus.of(standing.status());
        Match match = standing.matched() ? Match.MATCHED : standing.recordFound() ? Match.NAME_MISMATCH
                : Match.NO_RECORD;
        String orgId = status.disclosesUnion() ? standing.orgId() : null;
        String orgName = status.disclosesUnion() ? standing.orgName() : null;
        record(new VerificationAuditEntry(verificationId, clientId, caller.subject(), at, Outcome.of(status), match,
                standing.personKey(), orgId, null, requestId, caller.orgPath()));
        return new Verification(verificationId, status, orgId, orgName, at);
    }

    private void record(VerificationAuditEntry entry) {
        audits.record(entry);
        audit.info("membership verification verificationId={} clientId={} subject={} outcome={} match={} "
                        + "invalidField={} requestId={}", entry.verificationId(), entry.clientId(), entry.subject(),
                entry.outcome(), entry.match(), entry.invalidField(), entry.requestId());
    }

    static void requirePartner(OrgPrincipal caller) {
        // the org path bounds whose membership the partner may ask about and who reads its audit trail
        if (!caller.hasRole(PARTNER_ROLE) || !caller.hasOrgPath()) {
            throw new AccessDeniedException("membership verification needs the " + PARTNER_ROLE + " role");
        }
    }

    /**
     * The answer. {@code orgId} and {@code orgName} are set only for an active member.
     */
    public record Verification(String verificationId, VerificationStatus status, String orgId, String orgName,
                               Instant verifiedAt) {
    }
}
