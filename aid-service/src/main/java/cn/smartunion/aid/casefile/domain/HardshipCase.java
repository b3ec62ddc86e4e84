package cn.smartunion.aid.casefile.domain;

import cn.smartunion.aid.web.AidRuleViolation;
import cn.smartunion.aid.web.AidStatusConflict;
import cn.smartunion.contracts.aid.AidMeasure;
import cn.smartunion.contracts.aid.ApprovalLevel;
import cn.smartunion.contracts.aid.CaseClosure;
import cn.smartunion.contracts.aid.FundingSource;
import cn.smartunion.contracts.aid.HardshipCaseApproved;
import cn.smartunion.contracts.aid.HardshipCaseClosed;
import cn.smartunion.contracts.aid.HardshipCaseFiled;
import cn.smartunion.contracts.aid.HardshipCaseRelieved;
import cn.smartunion.contracts.aid.HardshipCaseReopened;
import cn.smartunion.contracts.aid.HardshipCategory;
import cn.smartunion.contracts.aid.HardshipCause;
import cn.smartunion.contracts.aid.IdentificationChannel;
import cn.smartunion.contracts.aid.ReopeningReason;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A hardship household's case file (困难职工档案):
 * IDENTIFIED → FILED → REVIEWED → (APPROVING →) APPROVED → RELIEVED → CONSOLIDATION → CLOSED, with REOPENED back to
 * FILED on relapse and CLOSED (NOT_ELIGIBLE) from review. State changes return the contract events to publish; the
 * caller stores them in the case's outbox in the same write.
 *
 * <p>Money: {@code unpaidFen} and {@code paidFen} are moved by the disbursement ledger directly on the stored
 * document; the case only adds to {@code unpaidFen} when an approval completes ({@link #unpaidIncrement()}) and zeroes
 * it, on the condition that it still holds what was read ({@link #settledUnpaid()}), when it is closed or reopened.
 */
public class HardshipCase {

    public static final int MAX_MONITORING_VISITS = 50;
    public static final int MAX_HISTORY = 200;
    public static final int MAX_HOUSEHOLD_MEMBERS = 29;

    private final String id;
    private final String orgId;
    private final String orgPath;
    private final String programmeCode;
    private final String cycle;
    private final IdentificationChannel identifiedBy;
    private final String householdId;
    private final String memberId;
    private final PersonRef head;
    private final Instant createdAt;
    private List<HouseholdMember> householdMembers;
    private HardshipCategory category;
    private List<HardshipCause> causes;
    private Long monthlyIncomeFen;
    private CaseStatus status;
    private CaseClosure outcome;
    private String filedBy;
    private Instant filedAt;
    private int reopenCount;
    private int closureCount;
    private List<PlannedMeasure> measures;
    private Approval approval;
    private int approvalCount;
    private long approvedFen;
    private final long paidFen;
    private final long unpaidFen;
    private List<MonitoringVisit> monitoring;
    private List<StatusChange> history;
    private UnpaidRelease pendingRelease;
    private LocalDate relievedOn;
    private LocalDate closedOn;
    private final Long version;

    private long unpaidIncrement;
    private Long settledUnpaid;

    public HardshipCase(String id, String orgId, String orgPath, String programmeCode, String cycle,
                        IdentificationChannel identifiedBy, String householdId, String memberId, PersonRef head,
                        Instant createdAt, List<HouseholdMember> householdMembers, HardshipCategory category,
                        List<HardshipCause> causes, Long monthlyIncomeFen, CaseStatus status, CaseClosure outcome,
                        String filedBy, Instant filedAt, int reopenCount, int closureCount,
                        List<PlannedMeasure> measures, Approval approval, int approvalCount, long approvedFen,
                        long paidFen, long unpaidFen, List<MonitoringVisit> monitoring, List<StatusChange> history,
                        UnpaidRelease pendingRelease, LocalDate relievedOn, LocalDate closedOn, Long version) {
        this.id = Objects.requireNonNull(id);
        this.orgId = orgId;
        this.orgPath = orgPath;
        this.programmeCode = programmeCode;
        this.cycle = cycle;
        this.identifiedBy = identifiedBy;
        this.householdId = householdId;
        this.memberId = memberId;
        this.head = head;
        this.createdAt = createdAt;
        this.householdMembers = householdMembers == null ? List.of() : List.copyOf(householdMembers);
        this.category = category;
        this.causes = causes == null ? List.of() : List.copyOf(causes);
        this.monthlyIncomeFen = monthlyIncomeFen;
        this.status = Objects.requireNonNull(status);
        this.outcome = outcome;
        this.filedBy = filedBy;
        this.filedAt = filedAt;
        this.reopenCount = reopenCount;
        this.closureCount = closureCount;
        this.measures = measures == null ? List.of() : List.copyOf(measures);
        this.approval = approval;
        this.approvalCount = approvalCount;
        this.approvedFen = approvedFen;
        this.paidFen = paidFen;
        this.unpaidFen = unpaidFen;
        this.monitoring = monitoring == null ? List.of() : List.copyOf(monitoring);
        this.history = history == null ? List.of() : List.copyOf(history);
        this.pendingRelease = pendingRelease;
        this.relievedOn = relievedOn;
        this.closedOn = closedOn;
        this.version = version;
    }

    /** A household newly come to the union's attention. */
    public static HardshipCase identify(String id, String orgId, String orgPath, String programmeCode, String cycle,
                                        IdentificationChannel identifiedBy, String householdId, String memberId,
                                        PersonRef head, String actor, Instant at) {
        return new HardshipCase(id, orgId, orgPath, programmeCode, cycle, identifiedBy, householdId, memberId, head,
                at, List.of(), null, List.of(), null, CaseStatus.IDENTIFIED, null, null, null, 0, 0, List.of(), null,
                0, 0, 0, 0, List.of(), List.of(new StatusChange(CaseStatus.IDENTIFIED, actor, at)), null, null, null,
                null);
    }

    /** 建档: the household is put on file by {@code actor}, who may then never approve it. */
    public HardshipCaseFiled file(HardshipCategory category, List<HardshipCause> causes,
                                  List<HouseholdMember> members, Long monthlyIncomeFen, String actor, Instant at) {
        require(EnumSet.of(CaseStatus.IDENTIFIED), "filed");
        if (category == null) {
            throw new AidRuleViolation("category", "is required");
        }
        if (causes == null || causes.isEmpty() || causes.size() > HardshipCause.values().length
                || new HashSet<>(causes).size() != causes.size()) {
            throw new AidRuleViolation("causes", "one or more distinct causes are required");
        }
        List<HouseholdMember> household = members == null ? List.of() : List.copyOf(members);
        if (household.size() > MAX_HOUSEHOLD_MEMBERS) {
            throw new AidRuleViolation("householdMembers", "at most " + MAX_HOUSEHOLD_MEMBERS + " besides the head");
        }
        Set<String> people = new HashSet<>();
        people.add(head.personId());
        for (int i = 0; i < household.size(); i++) {
            if (!people.add(household.get(i).person().personId())) {
                throw new AidRuleViolation("householdMembers[" + i + "]",
                        "names the head or another member of the household twice");
            }
        }
        if (monthlyIncomeFen != null && monthlyIncomeFen < 0) {
            throw new AidRuleViolation("monthlyIncomeFen", "must not be negative");
        }
        this.category = category;
        this.causes = List.copyOf(causes);
        this.householdMembers = household;
        this.monthlyIncomeFen = monthlyIncomeFen;
        this.filedBy = actor;
        this.filedAt = at;
        moveTo(CaseStatus.FILED, actor, at);
        return new HardshipCaseFiled(id, householdId, memberId, orgId, orgPath, programmeCode, identifiedBy, category,
                this.causes, householdSize(), at);
    }

    /**
     * The review of a filed case: eligible households go on to approval, the others are closed as NOT_ELIGIBLE.
     *
     * @return the closing event when the household is not eligible
     */
    public Optional<HardshipCaseClosed> review(boolean eligible, String actor, Instant at, LocalDate today) {
        require(EnumSet.of(CaseStatus.FILED), "reviewed");
        if (eligible) {
            moveTo(CaseStatus.REVIEWED, actor, at);
            return Optional.empty();
        }
        return Optional.of(closeWith(CaseClosure.NOT_ELIGIBLE, today, actor, at));
    }

    /** The kinds of help planned and their amounts, replacing any earlier plan (before approval only). */
    public void planMeasures(List<PlannedMeasure> planned, String actor, Instant at) {
        require(EnumSet.of(CaseStatus.FILED, CaseStatus.REVIEWED), "given measures");
        if (planned == null || planned.isEmpty() || planned.size() > AidMeasure.values().length) {
            throw new AidRuleViolation("measures", "one to " + AidMeasure.values().length + " measures are required");
        }
        Set<AidMeasure> seen = EnumSet.noneOf(AidMeasure.class);
        for (int i = 0; i < planned.size(); i++) {
            PlannedMeasure measure = planned.get(i);
            if (measure.measure() == null || !seen.add(measure.measure())) {
                throw new AidRuleViolation("measures[" + i + "].measure", "each measure may be planned once");
            }
            if (measure.plannedFen() <= 0) {
                throw new AidRuleViolation("measures[" + i + "].plannedFen", "must be positive");
            }
        }
        this.measures = List.copyOf(planned);
    }

    /**
     * First step of an approval: the case is marked APPROVING with the approver and the commitment about to be made
     * on the budget line. The caller checked the approver's authority for {@link #totalPlannedFen()}.
     */
    public void startApproval(ApprovalLevel level, String approverSubject, String budgetLineId,
                              FundingSource fundingSource, Instant at) {
        require(EnumSet.of(CaseStatus.REVIEWED), "approved");
        if (measures.isEmpty()) {
            throw new AidRuleViolation("measures", "plan the measures before approving the case");
        }
        approvalCount++;
        this.approval = new Approval(level, approverSubject, budgetLineId, fundingSource,
                "case:" + id + ":approval:" + approvalCount, totalPlannedFen(), at, null);
        moveTo(CaseStatus.APPROVING, approverSubject, at);
    }

    /** Last step of an approval, once the budget line holds the commitment. */
    public HardshipCaseApproved completeApproval(Instant at) {
        require(EnumSet.of(CaseStatus.APPROVING), "approved");
        Approval started = approval;
        this.approval = new Approval(started.level(), started.approverSubject(), started.budgetLineId(),
                started.fundingSource(), started.commitmentId(), started.amountFen(), started.startedAt(), at);
        this.approvedFen += started.amountFen();
        this.unpaidIncrement = started.amountFen();
        moveTo(CaseStatus.APPROVED, started.approverSubject(), at);
        return new HardshipCaseApproved(id, householdId, orgId, orgPath, programmeCode, cycle,
                started.budgetLineId(), started.fundingSource(), started.level(), started.amountFen(),
                measures.stream().map(PlannedMeasure::measure).toList(), at);
    }

    /** The budget line could not take the commitment: the case goes back to REVIEWED, nothing approved. */
    public void abandonApproval(String actor, Instant at) {
        require(EnumSet.of(CaseStatus.APPROVING), "returned to review");
        this.approval = null;
        moveTo(CaseStatus.REVIEWED, actor, at);
    }

    public void recordVisit(LocalDate visitedOn, RelapseRisk risk, String actor, Instant at) {
        require(EnumSet.of(CaseStatus.FILED, CaseStatus.REVIEWED, CaseStatus.APPROVED, CaseStatus.RELIEVED,
                CaseStatus.CONSOLIDATION), "visited");
        List<MonitoringVisit> visits = new ArrayList<>(monitoring);
        visits.add(new MonitoringVisit(visitedOn, risk, actor, at));
        if (visits.size() > MAX_MONITORING_VISITS) {
            visits = visits.subList(visits.size() - MAX_MONITORING_VISITS, visits.size());
        }
        this.monitoring = List.copyOf(visits);
    }

    /** 解困脱困. */
    public HardshipCaseRelieved relieve(LocalDate relievedOn, String actor, Instant at) {
        require(EnumSet.of(CaseStatus.APPROVED), "relieved");
        this.relievedOn = Objects.requireNonNull(relievedOn);
        moveTo(CaseStatus.RELIEVED, actor, at);
        return new HardshipCaseRelieved(id, householdId, orgId, orgPath, relievedOn, at);
    }

    /** 巩固: the relieved household is monitored for a while before the file is closed. */
    public void consolidate(String actor, Instant at) {
        require(EnumSet.of(CaseStatus.RELIEVED), "consolidated");
        moveTo(CaseStatus.CONSOLIDATION, actor, at);
    }

    /** 销档. Approved money not paid yet goes back to the budget line ({@link #pendingRelease()}). */
    public HardshipCaseClosed close(CaseClosure outcome, LocalDate closedOn, String actor, Instant at) {
        require(EnumSet.of(CaseStatus.IDENTIFIED, CaseStatus.FILED, CaseStatus.REVIEWED, CaseStatus.APPROVED,
                CaseStatus.RELIEVED, CaseStatus.CONSOLIDATION), "closed");
        if (outcome == null) {
            throw new AidRuleViolation("outcome", "is required");
        }
        if (outcome == CaseClosure.RELIEF_CONSOLIDATED && status != CaseStatus.CONSOLIDATION) {
            throw new AidStatusConflict("closing as RELIEF_CONSOLIDATED needs a case in CONSOLIDATION; the case",
                    status.name());
        }
        return closeWith(outcome, closedOn, actor, at);
    }

    /** The household fell back into hardship (返困) or the file was closed in error: back to FILED. */
    public HardshipCaseReopened reopen(ReopeningReason reason, String actor, Instant at) {
        require(EnumSet.of(CaseStatus.RELIEVED, CaseStatus.CONSOLIDATION, CaseStatus.CLOSED), "reopened");
        if (category == null) {
            throw new AidStatusConflict("a case closed before it was filed cannot be reopened; the case",
                    status.name());
        }
        if (reason == null) {
            throw new AidRuleViolation("reasonCode", "is required");
        }
        reopenCount++;
        settleUnpaid("reopening:" + reopenCount);
        this.outcome = null;
        this.closedOn = null;
        this.relievedOn = null;
        this.approval = null;
        this.measures = List.of();
        moveTo(CaseStatus.FILED, actor, at);
        return new HardshipCaseReopened(id, householdId, orgId, orgPath, reason, at);
    }

    /**
     * @throws AidStatusConflict unless the case is APPROVED
     * @throws AidRuleViolation  when {@code measure} was not approved for it
     */
    public void requirePayable(AidMeasure measure) {
        require(EnumSet.of(CaseStatus.APPROVED), "paid");
        if (measures.stream().noneMatch(m -> m.measure() == measure)) {
            throw new AidRuleViolation("measure", "the measure was not approved for this case");
        }
    }

    public long totalPlannedFen() {
        return measures.stream().mapToLong(PlannedMeasure::plannedFen).sum();
    }

    public int householdSize() {
        return 1 + householdMembers.size();
    }

    /** True until CLOSED: a household has at most one open case. */
    public boolean open() {
        return status != CaseStatus.CLOSED;
    }

    private HardshipCaseClosed closeWith(CaseClosure outcome, LocalDate closedOn, String actor, Instant at) {
        closureCount++;
        settleUnpaid("closure:" + closureCount);
        this.outcome = outcome;
        this.closedOn = Objects.requireNonNull(closedOn);
        moveTo(CaseStatus.CLOSED, actor, at);
        return new HardshipCaseClosed(id, householdId, orgId, orgPath, outcome, closedOn, at);
    }

    private void settleUnpaid(String occasion) {
        if (pendingRelease != null) {
            throw new IllegalStateException("case " + id + " has a release to finish first");
        }
        if (unpaidFen > 0 && approval != null) {
            this.pendingRelease = new UnpaidRelease(approval.budgetLineId(), "case:" + id + ":" + occasion,
                    unpaidFen);
        }
        this.settledUnpaid = unpaidFen;
    }

    private void require(Set<CaseStatus> allowed, String action) {
        if (!allowed.contains(status)) {
            throw new AidStatusConflict("a hardship case cannot be " + action + " while it", status.name());
        }
    }

    private void moveTo(CaseStatus next, String actor, Instant at) {
        this.status = next;
        List<StatusChange> changes = new ArrayList<>(history);
        changes.add(new StatusChange(next, actor, at));
        if (changes.size() > MAX_HISTORY) {
            changes = changes.subList(changes.size() - MAX_HISTORY, changes.size());
        }
        this.history = List.copyOf(changes);
    }

    public String id() { return id; }
    public String orgId() { return orgId; }
    public String orgPath() { return orgPath; }
    public String programmeCode() { return programmeCode; }
    public String cycle() { return cycle; }
    public IdentificationChannel identifiedBy() { return identifiedBy; }
    public String householdId() { return householdId; }
    public String memberId() { return memberId; }
    public PersonRef head() { return head; }
    public Instant createdAt() { return createdAt; }
    public List<HouseholdMember> householdMembers() { return householdMembers; }
    public HardshipCategory category() { return category; }
    public List<HardshipCause> causes() { return causes; }
    public Long monthlyIncomeFen() { return monthlyIncomeFen; }
    public CaseStatus status() { return status; }
    public CaseClosure outcome() { return outcome; }
    public String filedBy() { return filedBy; }
    public Instant filedAt() { return filedAt; }
    public int reopenCount() { return reopenCount; }
    public int closureCount() { return closureCount; }
    public List<PlannedMeasure> measures() { return measures; }
    public Approval approval() { return approval; }
    public int approvalCount() { return approvalCount; }
    public long approvedFen() { return approvedFen; }
    public long paidFen() { return paidFen; }
    public long unpaidFen() { return unpaidFen; }
    public List<MonitoringVisit> monitoring() { return monitoring; }
    public List<StatusChange> history() { return history; }
    public UnpaidRelease pendingRelease() { return pendingRelease; }
    public LocalDate relievedOn() { return relievedOn; }
    public LocalDate closedOn() { return closedOn; }
    public Long version() { return version; }

    /** What the approval just completed adds to the stored unpaid amount (0 when nothing). */
    public long unpaidIncrement() { return unpaidIncrement; }

    /** The unpaid amount this change zeroes, which the stored case must still hold; null when it zeroes nothing. */
    public Long settledUnpaid() { return settledUnpaid; }
}
