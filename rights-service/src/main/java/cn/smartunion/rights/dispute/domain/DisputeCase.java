package cn.smartunion.rights.dispute.domain;

import cn.smartunion.contracts.rights.CaseFollowUpCompleted;
import cn.smartunion.contracts.rights.CaseIntake;
import cn.smartunion.contracts.rights.CaseReferred;
import cn.smartunion.contracts.rights.ClaimType;
import cn.smartunion.contracts.rights.ClosureType;
import cn.smartunion.contracts.rights.DisputeCaseClosed;
import cn.smartunion.contracts.rights.DisputeCaseOpened;
import cn.smartunion.contracts.rights.DisputeCaseReopened;
import cn.smartunion.contracts.rights.HardshipReferralSource;
import cn.smartunion.contracts.rights.HardshipReferred;
import cn.smartunion.contracts.rights.LegalAidGranted;
import cn.smartunion.contracts.rights.MediationAgreementReached;
import cn.smartunion.contracts.rights.MediationBody;
import cn.smartunion.contracts.rights.MediationFailed;
import cn.smartunion.contracts.rights.MediationSessionHeld;
import cn.smartunion.contracts.rights.ReferralBody;
import cn.smartunion.contracts.rights.ReopeningCause;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A labour dispute case (劳动争议案件): opened with its workers, employer and claims; legal aid (once), mediation
 * sessions with the bodies on the jurisdiction's roster, an agreement or a failure, a referral and its outcome, the
 * closure with the money recovered, the follow-up (回访) within the window, and reopening. Every state-changing method
 * returns the contract events to append to the case's outbox in the same write.
 *
 * <p>{@code mediated} and {@code mediationSucceeded} stay true once true, so a case reopened and closed again reports
 * the whole history of its mediation.
 */
public class DisputeCase {

    public static final int MAX_WORKERS = 500;

    private final String id;
    private final String orgId;
    private String orgPath;
    private final CaseIntake intake;
    private final String workOrderId;
    private final List<ClaimType> claimTypes;
    private final List<WorkerParty> workers;
    private final Party employer;
    private final Party platform;
    private final long amountClaimedFen;
    private final boolean collective;
    private final boolean crossProvince;
    private final Instant openedAt;
    private final LocalDate openedOn;
    private final String openedBy;
    private DisputeStatus status;
    private String lawyerId;
    private LocalDate legalAidGrantedOn;
    private final List<MediationSession> sessions;
    private boolean mediated;
    private boolean mediationSucceeded;
    private Long agreedFen;
    private LocalDate agreementReachedOn;
    private LocalDate mediationFailedOn;
    private Referral referral;
    private Closure closure;
    private int reopenCount;
    private ReopeningCause lastReopeningCause;
    private final Set<String> hardshipReferred;
    private final Long version;

    public DisputeCase(String id, String orgId, String orgPath, CaseIntake intake, String workOrderId,
                       List<ClaimType> claimTypes, List<WorkerParty> workers, Party employer, Party platform,
                       long amountClaimedFen, boolean collective, boolean crossProvince, Instant openedAt,
                       LocalDate openedOn, String openedBy, DisputeStatus status, String lawyerId,
                       LocalDate legalAidGrantedOn, List<MediationSession> sessions, boolean mediated,
                       boolean mediationSucceeded, Long agreedFen, LocalDate agreementReachedOn,
                       LocalDate mediationFailedOn, Referral referral, Closure closure, int reopenCount,
                       ReopeningCause lastReopeningCause, Set<String> hardshipReferred, Long version) {
        this.id = id;
        this.orgId = orgId;
        this.orgPath = orgPath;
        this.intake = intake;
        this.workOrderId = workOrderId;
        this.claimTypes = List.copyOf(claimTypes);
        this.workers = List.copyOf(workers);
        this.employer = employer;
        this.platform = platform;
        this.amountClaimedFen = amountClaimedFen;
        this.collective = collective;
        this.crossProvince = crossProvince;
        this.openedAt = openedAt;
        this.openedOn = openedOn;
        this.openedBy = openedBy;
        this.status = status;
        this.lawyerId = lawyerId;
        this.legalAidGrantedOn = legalAidGrantedOn;
        this.sessions = new ArrayList<>(sessions);
        this.mediated = mediated;
        this.mediationSucceeded = mediationSucceeded;
        this.agreedFen = agreedFen;
        this.agreementReachedOn = agreementReachedOn;
        this.mediationFailedOn = mediationFailedOn;
        this.referral = referral;
        this.closure = closure;
        this.reopenCount = reopenCount;
        this.lastReopeningCause = lastReopeningCause;
        this.hardshipReferred = new HashSet<>(hardshipReferred);
        this.version = version;
    }

    /**
     * Opens a case. {@code collective} null means "decide from the workers": a dispute of three or more workers is
     * collective (集体劳动争议).
     */
    public static Opening open(String id, String orgId, String orgPath, CaseIntake intake, String workOrderId,
                               List<ClaimType> claimTypes, List<WorkerParty> workers, Party employer, Party platform,
                               long amountClaimedFen, Boolean collective, boolean crossProvince, Instant openedAt,
                               LocalDate openedOn, String openedBy) {
        if (claimTypes == null || claimTypes.isEmpty() || claimTypes.size() > ClaimType.values().length
                || EnumSet.copyOf(claimTypes).size() != claimTypes.size()) {
            throw new CaseRuleViolation("claimTypes", "one to seven distinct claim types are required");
        }
        if (workers == null || workers.isEmpty() || workers.size() > MAX_WORKERS) {
            throw new CaseRuleViolation("workers", "one to 500 workers are required");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < workers.size(); i++) {
            if (!seen.add(workers.get(i).personId())) {
                throw new CaseRuleViolation("workers[" + i + "]", "the worker is named twice");
            }
        }
        if (amountClaimedFen < 0) {
            throw new CaseRuleViolation("amountClaimedFen", "must not be negative");
        }
        boolean isCollective = collective != null ? collective : workers.size() >= 3;
        DisputeCase c = new DisputeCase(id, orgId, orgPath, intake, workOrderId, claimTypes, workers, employer,
                platform, amountClaimedFen, isCollective, crossProvince, openedAt, openedOn, openedBy,
                DisputeStatus.OPEN, null, null, List.of(), false, false, null, null, null, null, null, 0, null,
                Set.of(), null);
        DisputeCaseOpened opened = new DisputeCaseOpened(id, intake, workOrderId, c.claimTypes,
                c.workers.stream().map(w -> new DisputeCaseOpened.Worker(w.personId(), w.memberId(), w.groupTags()))
                        .toList(),
                employer.partyId(), platform == null ? null : platform.partyId(), amountClaimedFen, isCollective,
                crossProvince, orgId, orgPath, openedAt);
        return new Opening(c, opened);
    }

    public record Opening(DisputeCase disputeCase, DisputeCaseOpened event) {
    }

    /** Union legal aid (法律援助), once per case, while it is not closed. */
    public LegalAidGranted grantLegalAid(String lawyerId, LocalDate grantedOn) {
        requireNotClosed("legal aid");
        if (this.lawyerId != null) {
            throw new CaseStatusConflict("legal aid was granted already", status);
        }
        requireNotBeforeOpening("grantedOn", grantedOn);
        this.lawyerId = lawyerId;
        this.legalAidGrantedOn = grantedOn;
        return new LegalAidGranted(id, orgId, orgPath, lawyerId, grantedOn);
    }

    /**
     * A mediation session, while the case is open or in mediation. The mechanism and every body present must be on
     * {@code roster} (the jurisdiction's).
     */
    public MediationSessionHeld holdMediationSession(String sessionId, MediationBody mechanism,
                                                     List<MediationBody> partiesPresent, LocalDate heldOn,
                                                     Set<MediationBody> roster, String actorSubject) {
        if (status != DisputeStatus.OPEN && status != DisputeStatus.IN_MEDIATION) {
            throw new CaseStatusConflict("mediation is not possible", status);
        }
        if (partiesPresent == null || partiesPresent.isEmpty() || partiesPresent.size() > 8
                || new HashSet<>(partiesPresent).size() != partiesPresent.size()) {
            throw new CaseRuleViolation("partiesPresent", "one to eight distinct bodies are required");
        }
        if (!roster.contains(mechanism)) {
            throw new CaseRuleViolation("mechanism", "the body is not on the jurisdiction's mediation roster");
        }
        if (!roster.containsAll(partiesPresent)) {
            throw new CaseRuleViolation("partiesPresent",
                    "a body present is not on the jurisdiction's mediation roster");
        }
        requireNotBeforeOpening("heldOn", heldOn);
        sessions.add(new MediationSession(sessionId, mechanism, partiesPresent, heldOn, actorSubject));
        mediated = true;
        status = DisputeStatus.IN_MEDIATION;
        return new MediationSessionHeld(id, sessionId, orgId, orgPath, mechanism, List.copyOf(partiesPresent),
                heldOn);
    }

    /** 调解协议: ends mediation successfully. */
    public MediationAgreementReached reachAgreement(long agreedFen, LocalDate reachedOn) {
        requireStatus("a mediation agreement", DisputeStatus.IN_MEDIATION);
        requireNotBeforeOpening("reachedOn", reachedOn);
        this.agreedFen = agreedFen;
        this.agreementReachedOn = reachedOn;
        this.mediationSucceeded = true;
        status = DisputeStatus.MEDIATION_AGREED;
        return new MediationAgreementReached(id, orgId, orgPath, agreedFen, reachedOn);
    }

    public MediationFailed failMediation(LocalDate failedOn) {
        requireStatus("a mediation failure", DisputeStatus.IN_MEDIATION);
        requireNotBeforeOpening("failedOn", failedOn);
        this.mediationFailedOn = failedOn;
        status = DisputeStatus.MEDIATION_FAILED;
        return new MediationFailed(id, orgId, orgPath, failedOn);
    }

    /** A referral, directly from an open case or after mediation failed. */
    public CaseReferred refer(ReferralBody toBody, LocalDate referredOn, String reference) {
        requireStatus("a referral", DisputeStatus.OPEN, DisputeStatus.MEDIATION_FAILED);
        requireNotBeforeOpening("referredOn", referredOn);
        this.referral = new Referral(toBody, referredOn, reference, null, null, null);
        status = DisputeStatus.REFERRED;
        return new CaseReferred(id, orgId, orgPath, toBody, referredOn);
    }

    /** The outcome of the referral (an award, a judgment...); no event: the closure reports the money. */
    public void recordOutcome(String encryptedOutcome, Long awardedFen, LocalDate recordedOn) {
        requireStatus("a referral outcome", DisputeStatus.REFERRED);
        this.referral = referral.withOutcome(encryptedOutcome, awardedFen, recordedOn);
    }

    /** 结案: from any status but closed; the follow-up falls due {@code followUpWindowDays} after. */
    public DisputeCaseClosed close(ClosureType closureType, long amountRecoveredFen, int workersBenefited,
                                   LocalDate closedOn, int followUpWindowDays, Instant now) {
        requireNotClosed("closure");
        requireNotBeforeOpening("closedOn", closedOn);
        if (workersBenefited < 0 || workersBenefited > workers.size()) {
            throw new CaseRuleViolation("workersBenefited", "must be between 0 and the number of workers");
        }
        if (closureType == ClosureType.MEDIATION_AGREEMENT && !mediationSucceeded) {
            throw new CaseRuleViolation("closureType", "no mediation agreement was reached in this case");
        }
        int durationDays = (int) ChronoUnit.DAYS.between(openedOn, closedOn);
        this.closure = new Closure(closureType, amountRecoveredFen, workersBenefited, closedOn,
                closedOn.plusDays(followUpWindowDays), null, null);
        status = DisputeStatus.CLOSED;
        return new DisputeCaseClosed(id, orgId, orgPath, closureType, mediated, mediationSucceeded,
                amountRecoveredFen, workersBenefited, durationDays, closedOn, now);
    }

    /** 回访: once per closure. */
    public CaseFollowUpCompleted completeFollowUp(boolean reComplained, LocalDate completedOn) {
        requireStatus("a follow-up", DisputeStatus.CLOSED);
        if (closure.followedUp()) {
            throw new CaseStatusConflict("the follow-up of this closure was done already", status);
        }
        if (completedOn.isBefore(closure.closedOn())) {
            throw new CaseRuleViolation("completedOn", "must not be before the closure");
        }
        int windowDays = (int) Math.max(1, ChronoUnit.DAYS.between(closure.closedOn(), closure.followUpDueOn()));
        this.closure = closure.withFollowUp(reComplained, completedOn);
        return new CaseFollowUpCompleted(id, orgId, orgPath, reComplained, windowDays, completedOn);
    }

    /** Opens a closed case again; mediation may start over. */
    public DisputeCaseReopened reopen(ReopeningCause cause, Instant now) {
        requireStatus("reopening", DisputeStatus.CLOSED);
        reopenCount++;
        lastReopeningCause = cause;
        status = DisputeStatus.OPEN;
        return new DisputeCaseReopened(id, orgId, orgPath, cause, now);
    }

    /** 转帮扶: a worker of the case is referred to hardship aid, once per worker. */
    public HardshipReferred referToHardshipAid(String field, String personId, String referralId, Instant now) {
        WorkerParty worker = workers.stream().filter(w -> w.personId().equals(personId)).findFirst()
                .orElseThrow(() -> new CaseRuleViolation(field, "is not a worker of the case"));
        if (!hardshipReferred.add(personId)) {
            throw new CaseStatusConflict("the worker was referred to hardship aid already", status);
        }
        return new HardshipReferred(referralId, HardshipReferralSource.DISPUTE_CASE, id, personId,
                worker.memberId(), orgId, orgPath, now);
    }

    public static String newReferralId() {
        return UUID.randomUUID().toString();
    }

    private void requireStatus(String what, DisputeStatus... allowed) {
        for (DisputeStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new CaseStatusConflict(what + " is not possible", status);
    }

    private void requireNotClosed(String what) {
        if (status == DisputeStatus.CLOSED) {
            throw new CaseStatusConflict(what + " is not possible", status);
        }
    }

    private void requireNotBeforeOpening(String field, LocalDate date) {
        if (date == null) {
            throw new CaseRuleViolation(field, "a date is required");
        }
        if (date.isBefore(openedOn)) {
            throw new CaseRuleViolation(field, "must not be before the case was opened");
        }
    }

    public boolean open() {
        return status != DisputeStatus.CLOSED;
    }

    public String id() { return id; }
    public String orgId() { return orgId; }
    public String orgPath() { return orgPath; }
    public CaseIntake intake() { return intake; }
    public String workOrderId() { return workOrderId; }
    public List<ClaimType> claimTypes() { return claimTypes; }
    public List<WorkerParty> workers() { return workers; }
    public Party employer() { return employer; }
    public Party platform() { return platform; }
    public long amountClaimedFen() { return amountClaimedFen; }
    public boolean collective() { return collective; }
    public boolean crossProvince() { return crossProvince; }
    public Instant openedAt() { return openedAt; }
    public LocalDate openedOn() { return openedOn; }
    public String openedBy() { return openedBy; }
    public DisputeStatus status() { return status; }
    public String lawyerId() { return lawyerId; }
    public LocalDate legalAidGrantedOn() { return legalAidGrantedOn; }
    public List<MediationSession> sessions() { return List.copyOf(sessions); }
    public boolean mediated() { return mediated; }
    public boolean mediationSucceeded() { return mediationSucceeded; }
    public Long agreedFen() { return agreedFen; }
    public LocalDate agreementReachedOn() { return agreementReachedOn; }
    public LocalDate mediationFailedOn() { return mediationFailedOn; }
    public Referral referral() { return referral; }
    public Closure closure() { return closure; }
    public int reopenCount() { return reopenCount; }
    public ReopeningCause lastReopeningCause() { return lastReopeningCause; }
    public Set<String> hardshipReferred() { return Set.copyOf(hardshipReferred); }
    public Long version() { return version; }
}
