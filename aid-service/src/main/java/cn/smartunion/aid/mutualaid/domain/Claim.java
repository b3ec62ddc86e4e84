package cn.smartunion.aid.mutualaid.domain;

import cn.smartunion.aid.eligibility.domain.Audience;
import cn.smartunion.aid.eligibility.domain.EligibilityRule;
import cn.smartunion.aid.eligibility.domain.Ineligibility;
import cn.smartunion.aid.eligibility.domain.MemberStanding;
import cn.smartunion.aid.eligibility.domain.NotEligible;
import cn.smartunion.aid.eligibility.domain.Applicant;
import cn.smartunion.aid.web.AidRuleViolation;
import cn.smartunion.aid.web.AidStatusConflict;
import cn.smartunion.contracts.aid.ApprovalLevel;
import cn.smartunion.contracts.aid.ClaimRejectionReason;
import cn.smartunion.contracts.aid.MutualAidClaimApproved;
import cn.smartunion.contracts.aid.MutualAidClaimPaid;
import cn.smartunion.contracts.aid.MutualAidClaimRejected;
import cn.smartunion.contracts.aid.MutualAidClaimSubmitted;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A claim for a mutual-aid payout (申领互助金), judged on the date the illness began: the enrolment must have covered
 * it, the claimant must have been a member then (ACTIVE, or RETAINED when the programme serves retained members), and
 * the plan version in force that day must list the disease. SUBMITTED, then APPROVING (the annual limit and the
 * budget being committed), APPROVED, PAID; or REJECTED.
 */
public class Claim {

    private final String id;
    private final String enrolmentId;
    private final String planId;
    private final String programmeCode;
    private final int planYear;
    private final int planVersion;
    private final String budgetLineId;
    private final String memberId;
    private final String orgId;
    private final String orgPath;
    private final LocalDate illnessOn;
    private final HealthDetails health;
    private final long claimedFen;
    private final long maxPayoutFen;
    private final long annualLimitFen;
    private final String submittedBy;
    private final Instant submittedAt;
    private ClaimStatus status;
    private Long approvedFen;
    private ApprovalLevel approvalLevel;
    private String approvedBy;
    private Instant approvedAt;
    private ClaimRejectionReason rejectionReason;
    private String rejectedBy;
    private Instant rejectedAt;
    private String disbursementId;
    private Instant paidAt;
    private final Long version;

    public record Submitted(Claim claim, MutualAidClaimSubmitted event) {
    }

    @SuppressWarnings("java:S107")
    public Claim(String id, String enrolmentId, String planId, String programmeCode, int planYear, int planVersion,
                 String budgetLineId, String memberId, String orgId, String orgPath, LocalDate illnessOn,
                 HealthDetails health, long claimedFen, long maxPayoutFen, long annualLimitFen, String submittedBy,
                 Instant submittedAt, ClaimStatus status, Long approvedFen, ApprovalLevel approvalLevel,
                 String approvedBy, Instant approvedAt, ClaimRejectionReason rejectionReason, String rejectedBy,
                 Instant rejectedAt, String disbursementId, Instant paidAt, Long version) {
        this.id = id;
        this.enrolmentId = enrolmentId;
        this.planId = planId;
        this.programmeCode = programmeCode;
        this.planYear = planYear;
        this.planVersion = planVersion;
        this.budgetLineId = budgetLineId;
        this.memberId = memberId;
        this.orgId = orgId;
        this.orgPath = orgPath;
        this.illnessOn = illnessOn;
        this.health = health;
        this.claimedFen = claimedFen;
        this.maxPayoutFen = maxPayoutFen;
        this.annualLimitFen = annualLimitFen;
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
        this.status = status;
        this.approvedFen = approvedFen;
        this.approvalLevel = approvalLevel;
        this.approvedBy = approvedBy;
        this.approvedAt = approvedAt;
        this.rejectionReason = rejectionReason;
        this.rejectedBy = rejectedBy;
        this.rejectedAt = rejectedAt;
        this.disbursementId = disbursementId;
        this.paidAt = paidAt;
        this.version = version;
    }

    /**
     * Files a claim under the enrolment.
     *
     * @param standing        the member's standing on the illness date
     * @param includeRetained whether the programme serves retained members
     * @throws ClaimRefused     when the enrolment did not cover the illness date or the version then in force does not
     *                          list the disease
     * @throws NotEligible      when the claimant was not an active (or retained, if served) member on the illness date
     * @throws AidRuleViolation on dates or amounts that do not add up
     */
    public static Submitted submit(String id, Enrolment enrolment, MutualAidPlan plan, MemberStanding standing,
                                   boolean includeRetained, LocalDate illnessOn, HealthDetails health,
                                   long claimedFen, LocalDate today, String submittedBy, Instant now) {
        if (illnessOn.isAfter(today)) {
            throw new AidRuleViolation("illnessOn", "must not be in the future");
        }
        if (health.hospitalisedFrom() != null && health.hospitalisedTo() != null
                && health.hospitalisedTo().isBefore(health.hospitalisedFrom())) {
            throw new AidRuleViolation("hospitalisedTo", "must not be before hospitalisedFrom");
        }
        if (health.hospitalisedFrom() != null && health.hospitalisedFrom().isBefore(illnessOn)) {
            throw new AidRuleViolation("hospitalisedFrom", "must not be before illnessOn");
        }
        if (claimedFen > health.medicalCostFen()) {
            throw new AidRuleViolation("claimedFen", "must not exceed medicalCostFen");
        }
        if (!enrolment.covers(illnessOn)) {
            throw new ClaimRefused(ClaimRejectionReason.NOT_ENROLLED_ON_ILLNESS_DATE,
                    "the enrolment covers " + enrolment.coverageStartsOn() + " to " + enrolment.coverageEndsOn()
                            + ", not the illness date");
        }
        List<Ineligibility> reasons = new EligibilityRule(Audience.MEMBERS, includeRetained, Set.of(), Set.of(),
                false).check(new Applicant(standing, Set.of(), null, false));
        if (!reasons.isEmpty()) {
            throw new NotEligible(enrolment.programmeCode(), reasons);
        }
        PlanVersion inForce = plan.versionOn(illnessOn);
        if (!inForce.covers(health.diseaseCode())) {
            throw new ClaimRefused(ClaimRejectionReason.DISEASE_NOT_COVERED,
                    "version " + inForce.version() + " of the plan, in force on the illness date, does not list"
                            + " the disease");
        }
        HealthDetails normalised = new HealthDetails(PlanVersion.normalise(health.diseaseCode()),
                health.hospitalisedFrom(), health.hospitalisedTo(), health.medicalCostFen());
        Claim claim = new Claim(id, enrolment.id(), plan.id(), plan.programmeCode(), plan.planYear(),
                inForce.version(), plan.budgetLineId(), enrolment.memberId(), enrolment.orgId(), enrolment.orgPath(),
                illnessOn, normalised, claimedFen, inForce.maxPayoutFen(), inForce.annualLimitFen(), submittedBy, now,
                ClaimStatus.SUBMITTED, null, null, null, null, null, null, null, null, null, null);
        return new Submitted(claim, new MutualAidClaimSubmitted(id, enrolment.id(), enrolment.memberId(), plan.id(),
                plan.planYear(), enrolment.orgId(), enrolment.orgPath(), claimedFen, now));
    }

    /**
     * First step of an approval: records the amount and approver and moves to APPROVING.
     *
     * @throws AidStatusConflict unless SUBMITTED
     * @throws AidRuleViolation  when the amount exceeds the claim or the plan's payout per claim
     */
    public void startApproval(long amountFen, String approver, ApprovalLevel level, Instant now) {
        requireStatus(ClaimStatus.SUBMITTED);
        if (amountFen > claimedFen) {
            throw new AidRuleViolation("approvedFen", "must not exceed the amount claimed");
        }
        if (amountFen > maxPayoutFen) {
            throw new AidRuleViolation("approvedFen", "must not exceed the plan's payout per claim of "
                    + maxPayoutFen + " fen");
        }
        status = ClaimStatus.APPROVING;
        approvedFen = amountFen;
        approvalLevel = level;
        approvedBy = approver;
        approvedAt = now;
    }

    /** Last step of an approval, once the annual limit and the budget are committed. */
    public MutualAidClaimApproved completeApproval() {
        requireStatus(ClaimStatus.APPROVING);
        status = ClaimStatus.APPROVED;
        return new MutualAidClaimApproved(id, enrolmentId, memberId, planId, planYear, orgId, orgPath, approvedFen,
                approvedAt);
    }

    /** An approval that could not be committed: the claim is open for review again. */
    public void abandonApproval() {
        requireStatus(ClaimStatus.APPROVING);
        status = ClaimStatus.SUBMITTED;
        approvedFen = null;
        approvalLevel = null;
        approvedBy = null;
        approvedAt = null;
    }

    /** @throws AidStatusConflict unless SUBMITTED */
    public MutualAidClaimRejected reject(ClaimRejectionReason reason, String by, Instant now) {
        requireStatus(ClaimStatus.SUBMITTED);
        status = ClaimStatus.REJECTED;
        rejectionReason = reason;
        rejectedBy = by;
        rejectedAt = now;
        return new MutualAidClaimRejected(id, enrolmentId, memberId, planId, planYear, orgId, orgPath, reason, now);
    }

    /** @throws AidStatusConflict unless APPROVED */
    public MutualAidClaimPaid paid(String disbursement, Instant now) {
        requireStatus(ClaimStatus.APPROVED);
        status = ClaimStatus.PAID;
        disbursementId = disbursement;
        paidAt = now;
        return new MutualAidClaimPaid(id, enrolmentId, memberId, planId, planYear, orgId, orgPath, approvedFen,
                disbursement, now);
    }

    private void requireStatus(ClaimStatus expected) {
        if (status != expected) {
            throw new AidStatusConflict("the claim", status.name());
        }
    }

    public String id() { return id; }
    public String enrolmentId() { return enrolmentId; }
    public String planId() { return planId; }
    public String programmeCode() { return programmeCode; }
    public int planYear() { return planYear; }
    public int planVersion() { return planVersion; }
    public String budgetLineId() { return budgetLineId; }
    public String memberId() { return memberId; }
    public String orgId() { return orgId; }
    public String orgPath() { return orgPath; }
    public LocalDate illnessOn() { return illnessOn; }
    public HealthDetails health() { return health; }
    public long claimedFen() { return claimedFen; }
    public long maxPayoutFen() { return maxPayoutFen; }
    public long annualLimitFen() { return annualLimitFen; }
    public String submittedBy() { return submittedBy; }
    public Instant submittedAt() { return submittedAt; }
    public ClaimStatus status() { return status; }
    public Long approvedFen() { return approvedFen; }
    public ApprovalLevel approvalLevel() { return approvalLevel; }
    public String approvedBy() { return approvedBy; }
    public Instant approvedAt() { return approvedAt; }
    public ClaimRejectionReason rejectionReason() { return rejectionReason; }
    public String rejectedBy() { return rejectedBy; }
    public Instant rejectedAt() { return rejectedAt; }
    public String disbursementId() { return disbursementId; }
    public Instant paidAt() { return paidAt; }
    public Long version() { return version; }
}
