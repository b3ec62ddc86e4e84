package cn.smartunion.aid.mutualaid.application;

import cn.smartunion.aid.access.AidAccess;
import cn.smartunion.aid.approval.domain.ApprovalPolicy;
import cn.smartunion.aid.budget.application.Budgets;
import cn.smartunion.aid.budget.domain.BudgetExhausted;
import cn.smartunion.aid.budget.domain.BudgetLine;
import cn.smartunion.aid.disbursement.application.Disburse;
import cn.smartunion.aid.disbursement.application.Disbursement;
import cn.smartunion.aid.disbursement.application.Disbursements;
import cn.smartunion.aid.eligibility.domain.MemberRecords;
import cn.smartunion.aid.eligibility.domain.MemberStanding;
import cn.smartunion.aid.mutualaid.domain.Claim;
import cn.smartunion.aid.mutualaid.domain.ClaimStatus;
import cn.smartunion.aid.mutualaid.domain.Claims;
import cn.smartunion.aid.mutualaid.domain.Enrolment;
import cn.smartunion.aid.mutualaid.domain.Enrolments;
import cn.smartunion.aid.mutualaid.domain.HealthDetails;
import cn.smartunion.aid.mutualaid.domain.MutualAidPlan;
import cn.smartunion.aid.mutualaid.domain.Plans;
import cn.smartunion.aid.programme.application.ProgrammeCatalogue;
import cn.smartunion.aid.programme.domain.Programme;
import cn.smartunion.aid.programme.domain.ProgrammeKind;
import cn.smartunion.aid.web.AidRuleViolation;
import cn.smartunion.aid.web.AidStatusConflict;
import cn.smartunion.aid.web.PageView;
import cn.smartunion.contracts.aid.ApprovalLevel;
import cn.smartunion.contracts.aid.ClaimRejectionReason;
import cn.smartunion.contracts.aid.DisbursementChannel;
import cn.smartunion.contracts.aid.DisbursementSource;
import cn.smartunion.runtime.problem.ConflictException;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Mutual-aid claims (申领互助金): aid officers file them, aid approvers decide, officers record the payment.
 *
 * <p>Approval without transactions, crash-safe and idempotent, in single-document steps:
 * <ol>
 * <li>the claim goes SUBMITTED → APPROVING with the amount, approver and level (conditional on the version read: of
 *     two decisions racing, one wins and the other gets 409);</li>
 * <li>the amount is reserved on the enrolment against the plan's annual limit, once per claim;</li>
 * <li>the amount is committed on the plan's budget line, once per claim;</li>
 * <li>the claim goes APPROVING → APPROVED with {@code unpaidFen} = the approved amount and its event.</li>
 * </ol>
 * A crash leaves the claim APPROVING; approving it again finishes it with the recorded amount. When the annual limit
 * (400) or the budget (409) refuses, what was reserved is given back and the claim returns to SUBMITTED.
 */
@Service
public class MutualAidClaims {

    public static final String COLLECTION = "mutual_aid_claims";
    private static final Logger audit = LoggerFactory.getLogger("cn.smartunion.audit.aid");
    private static final int MAX_ATTEMPTS = 3;

    private final Claims claims;
    private final Enrolments enrolments;
    private final Plans plans;
    private final MemberRecords members;
    private final ProgrammeCatalogue catalogue;
    private final ApprovalPolicy approvalPolicy;
    private final Budgets budgets;
    private final Disbursements disbursements;
    private final Clock clock;

    MutualAidClaims(Claims claims, Enrolments enrolments, Plans plans, MemberRecords members,
                    ProgrammeCatalogue catalogue, ApprovalPolicy approvalPolicy, Budgets budgets,
                    Disbursements disbursements, Clock clock) {
        this.claims = claims;
        this.enrolments = enrolments;
        this.plans = plans;
        this.members = members;
        this.catalogue = catalogue;
        this.approvalPolicy = approvalPolicy;
        this.budgets = budgets;
        this.disbursements = disbursements;
        this.clock = clock;
    }

    public record SubmitClaim(String enrolmentId, LocalDate illnessOn, String diseaseCode, LocalDate hospitalisedFrom,
                              LocalDate hospitalisedTo, long medicalCostFen, long claimedFen) {
    }

    public record PayClaim(String idempotencyKey, DisbursementChannel channel, LocalDate paidOn,
                           String bankCardNumber) {
    }

    public Claim submit(SubmitClaim command, OrgPrincipal caller) {
        AidAccess.requireOfficer(caller);
        Enrolment enrolment = enrolments.findWithin(command.enrolmentId(), caller.orgPath())
                .orElseThrow(() -> new NotFoundException("enrolment not found"));
        MutualAidPlan plan = plans.find(enrolment.planId())
                .orElseThrow(() -> new IllegalStateException("enrolment " + enrolment.id() + " has no plan"));
        Programme programme = catalogue.usable("enrolmentId", plan.programmeCode(), ProgrammeKind.MUTUAL_AID,
                enrolment.orgPath(), null);
        MemberStanding standing = members.find(enrolment.memberId())
                .map(member -> member.standingOn(command.illnessOn())).orElse(MemberStanding.NOT_A_MEMBER);
        Claim.Submitted submitted = Claim.submit(UUID.randomUUID().toString(), enrolment, plan, standing,
                programme.eligibility().includeRetained(), command.illnessOn(),
                new HealthDetails(command.diseaseCode(), command.hospitalisedFrom(), command.hospitalisedTo(),
                        command.medicalCostFen()), command.claimedFen(), today(), caller.subject(), clock.instant());
        claims.add(submitted);
        audit.info("mutual-aid claim submitted claimId={} enrolmentId={} actorSubject={}", submitted.claim().id(),
                enrolment.id(), caller.subject());
        return submitted.claim();
    }

    /**
     * Approves {@code approvedFen} of the claim; approving an APPROVING claim finishes that approval, an APPROVED or
     * PAID one is answered as it is.
     */
    public Claim approve(String id, long approvedFen, OrgPrincipal caller) {
        AidAccess.requireApprover(caller);
        for (int attempt = 1; ; attempt++) {
            Claim claim = load(id, caller);
            switch (claim.status()) {
                case APPROVED, PAID -> {
                    return claim;
                }
                case APPROVING -> {
                    return finishApproval(claim, caller);
                }
                case SUBMITTED -> {
                    ApprovalLevel level = approvalPolicy.check(caller.subject(), caller.orgPath(),
                            claim.submittedBy(), approvedFen);
                    claim.startApproval(approvedFen, caller.subject(), level, clock.instant());
                    if (!claims.update(claim, List.of(), false)) {
                        if (attempt == MAX_ATTEMPTS) {
                            throw changedMeanwhile();
                        }
                        continue;
                    }
                    return finishApproval(load(id, caller), caller);
                }
                default -> throw new AidStatusConflict("the claim", claim.status().name());
            }
        }
    }

    private Claim finishApproval(Claim claim, OrgPrincipal caller) {
        if (claim.status() != ClaimStatus.APPROVING) {
            return claim;
        }
        long amount = claim.approvedFen();
        if (!enrolments.reservePayout(claim.enrolmentId(), claim.id(), amount, claim.annualLimitFen())) {
            long remaining = Math.max(0, claim.annualLimitFen() - enrolments.reservedFen(claim.enrolmentId()));
            abandon(claim);
            throw new AidRuleViolation("approvedFen", "exceeds the member's remaining annual limit of " + remaining
                    + " fen");
        }
        try {
            budgets.commit(claim.budgetLineId(), commitmentId(claim), amount);
        } catch (BudgetExhausted exhausted) {
            enrolments.releasePayout(claim.enrolmentId(), claim.id(), amount);
            abandon(claim);
            throw exhausted;
        }
        var event = claim.completeApproval();
        if (!claims.update(claim, List.of(event), true)) {
            // another approver finished the same approval a moment ago
            return load(claim.id(), caller);
        }
        audit.info("mutual-aid claim approved claimId={} approvedFen={} level={} actorSubject={}", claim.id(), amount,
                claim.approvalLevel(), claim.approvedBy());
        return claim;
    }

    private void abandon(Claim claim) {
        claim.abandonApproval();
        claims.update(claim, List.of(), false);
    }

    public Claim reject(String id, ClaimRejectionReason reason, OrgPrincipal caller) {
        AidAccess.requireApprover(caller);
        for (int attempt = 1; ; attempt++) {
            Claim claim = load(id, caller);
            var event = claim.reject(reason, caller.subject(), clock.instant());
            if (claims.update(claim, List.of(event), false)) {
                audit.info("mutual-aid claim rejected claimId={} reasonCode={} actorSubject={}", id, reason,
                        caller.subject());
                return claim;
            }
            if (attempt == MAX_ATTEMPTS) {
                throw changedMeanwhile();
            }
        }
    }

    /**
     * Pays the whole approved amount through the disbursement ledger; repeated with the same idempotency key it pays
     * once and answers the same.
     */
    public Claim pay(String id, PayClaim command, OrgPrincipal caller) {
        AidAccess.requireOfficer(caller);
        if (command.paidOn().isAfter(today())) {
            throw new AidRuleViolation("paidOn", "must not be in the future");
        }
        for (int attempt = 1; ; attempt++) {
            Claim claim = load(id, caller);
            if (claim.status() == ClaimStatus.PAID) {
                Disbursement again = disbursements.disburse(disburse(claim, command, caller));
                if (!again.id().equals(claim.disbursementId())) {
                    throw new AidStatusConflict("the claim", claim.status().name());
                }
                return claim;
            }
            if (claim.status() != ClaimStatus.APPROVED) {
                throw new AidStatusConflict("the claim", claim.status().name());
            }
            // a payment the ledger charged before a crash finishes the claim instead of paying twice
            List<String> charged = claims.paidDisbursements(id);
            String disbursementId = charged.isEmpty() ? disbursements.disburse(disburse(claim, command, caller)).id()
                    : charged.get(0);
            var event = claim.paid(disbursementId, clock.instant());
            if (claims.update(claim, List.of(event), false)) {
                audit.info("mutual-aid claim paid claimId={} disbursementId={} actorSubject={}", id, disbursementId,
                        caller.subject());
                return claim;
            }
            if (attempt == MAX_ATTEMPTS) {
                throw changedMeanwhile();
            }
        }
    }

    private Disburse disburse(Claim claim, PayClaim command, OrgPrincipal caller) {
        String cycle = String.valueOf(claim.planYear());
        BudgetLine line = budgets.fundingLine(claim.budgetLineId(), claim.programmeCode(), cycle, claim.orgPath());
        return new Disburse(command.idempotencyKey(), DisbursementSource.MUTUAL_AID_CLAIM, claim.id(), COLLECTION,
                claim.programmeCode(), claim.orgId(), claim.orgPath(), cycle, line.id(), line.fundingSource(),
                claim.approvedFen(), command.channel(), command.paidOn(), null, command.bankCardNumber(),
                caller.subject());
    }

    public Claim get(String id, OrgPrincipal caller) {
        AidAccess.requireReader(caller);
        return load(id, caller);
    }

    public PageView<Claim> list(OrgPrincipal caller, ClaimStatus status, String planId, String memberId, int page,
                                int size) {
        AidAccess.requireReader(caller);
        Claims.ClaimFilter filter = new Claims.ClaimFilter(caller.orgPath(), status, planId, memberId);
        return new PageView<>(claims.listWithin(filter, page, size), page, size, claims.countWithin(filter));
    }

    /** Whether the caller may read a claim's health data (disease, hospital stay, cost). */
    public static boolean mayReadHealthData(OrgPrincipal caller) {
        return caller.hasRole(AidAccess.OFFICER) || caller.hasRole(AidAccess.APPROVER);
    }

    private Claim load(String id, OrgPrincipal caller) {
        return claims.findWithin(id, caller.orgPath()).orElseThrow(() -> new NotFoundException("claim not found"));
    }

    private static String commitmentId(Claim claim) {
        return "mutual-aid-claim:" + claim.id();
    }

    private static ConflictException changedMeanwhile() {
        return new ConflictException("the claim was changed meanwhile; reload and retry");
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(MutualAidPlans.CHINA));
    }
}
