package cn.smartunion.aid.casefile.application;

import cn.smartunion.aid.access.AidAccess;
import cn.smartunion.aid.approval.domain.ApprovalPolicy;
import cn.smartunion.aid.budget.application.Budgets;
import cn.smartunion.aid.budget.domain.BudgetExhausted;
import cn.smartunion.aid.budget.domain.BudgetLine;
import cn.smartunion.aid.casefile.domain.CaseStatus;
import cn.smartunion.aid.casefile.domain.HardshipCase;
import cn.smartunion.aid.casefile.domain.HardshipCases;
import cn.smartunion.aid.casefile.domain.HouseholdMember;
import cn.smartunion.aid.casefile.domain.PersonRef;
import cn.smartunion.aid.casefile.domain.PlannedMeasure;
import cn.smartunion.aid.casefile.domain.RelapseRisk;
import cn.smartunion.aid.casefile.domain.UnpaidRelease;
import cn.smartunion.aid.disbursement.application.Disburse;
import cn.smartunion.aid.disbursement.application.Disbursement;
import cn.smartunion.aid.disbursement.application.Disbursements;
import cn.smartunion.aid.disbursement.domain.PaymentExceedsApproval;
import cn.smartunion.aid.eligibility.domain.Applicant;
import cn.smartunion.aid.eligibility.domain.MemberRecords;
import cn.smartunion.aid.eligibility.domain.MemberStanding;
import cn.smartunion.aid.notice.application.PublicNotices;
import cn.smartunion.aid.people.application.GrantsPerCycle;
import cn.smartunion.runtime.orgdirectory.OrgDirectory;
import cn.smartunion.runtime.personaldata.PersonRegistry;
import cn.smartunion.aid.people.domain.AlreadyGrantedInCycle;
import cn.smartunion.runtime.personaldata.RegisteredPerson;
import cn.smartunion.aid.programme.application.ProgrammeCatalogue;
import cn.smartunion.aid.programme.domain.Programme;
import cn.smartunion.aid.programme.domain.ProgrammeKind;
import cn.smartunion.aid.web.AidRuleViolation;
import cn.smartunion.aid.web.AidStatusConflict;
import cn.smartunion.aid.web.PageView;
import cn.smartunion.contracts.aid.ApprovalLevel;
import cn.smartunion.contracts.aid.CaseClosure;
import cn.smartunion.contracts.aid.DisbursementSource;
import cn.smartunion.contracts.aid.HardshipCategory;
import cn.smartunion.contracts.aid.ReopeningReason;
import cn.smartunion.runtime.orgdirectory.OrgDirectoryEntry;
import cn.smartunion.runtime.problem.ConflictException;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Hardship case files (困难职工建档) from identification to closure. Every change is one conditional write of the
 * case with its events (retried a few times when another change got in first, then 409).
 *
 * <p>Approval without transactions, crash-safe, in single-document steps:
 * <ol>
 * <li>the case is marked APPROVING with the approver, level, budget line and a commitment id (conditional on its
 *     version: of two approvers racing, one wins, the other gets 409);</li>
 * <li>the money is committed on the budget line, once per commitment id (a short line: the case goes back to
 *     REVIEWED and the answer is 409 {@code budget-exhausted});</li>
 * <li>the public notice line is posted (an upsert per case);</li>
 * <li>the case becomes APPROVED with its unpaid amount raised by the approval and {@code HardshipCaseApproved} in its
 *     outbox.</li>
 * </ol>
 * A crash leaves the case APPROVING; the same approver approving again (or any approver in scope after
 * {@link #STALE_APPROVAL}) finishes it with the recorded decision and commitment id.
 *
 * <p>Closing or reopening a case with approved money still unpaid zeroes the case's unpaid amount (on the condition
 * that no payment changed it meanwhile) and records a pending release in the same write; the release is then given
 * back to the budget line and forgotten. A crash in between is finished the next time the case is changed.
 */
@Service
public class HardshipCaseFiles {

    static final Duration STALE_APPROVAL = Duration.ofMinutes(5);
    private static final Logger audit = LoggerFactory.getLogger("cn.smartunion.audit.aid");
    private static final ZoneId UNION_ZONE = ZoneId.of("Asia/Shanghai");
    private static final int MAX_ATTEMPTS = 3;

    private final HardshipCases cases;
    private final OrgDirectory unions;
    private final ProgrammeCatalogue catalogue;
    private final MemberRecords memberRecords;
    private final PersonRegistry people;
    private final ApprovalPolicy approvalPolicy;
    private final Budgets budgets;
    private final GrantsPerCycle grants;
    private final PublicNotices notices;
    private final Disbursements disbursements;
    private final Clock clock;

    HardshipCaseFiles(HardshipCases cases, OrgDirectory unions, ProgrammeCatalogue catalogue, MemberRecords memberRecords,
                      PersonRegistry people, ApprovalPolicy approvalPolicy, Budgets budgets, GrantsPerCycle grants,
                      PublicNotices notices, Disbursements disbursements, Clock clock) {
        this.cases = cases;
        this.unions = unions;
        this.catalogue = catalogue;
        this.memberRecords = memberRecords;
        this.people = people;
        this.approvalPolicy = approvalPolicy;
        this.budgets = budgets;
        this.grants = grants;
        this.notices = notices;
        this.disbursements = disbursements;
        this.clock = clock;
    }

    /**
     * Opens a case for a household (IDENTIFIED).
     *
     * @throws ConflictException when the household has an open case already
     */
    public HardshipCase identify(IdentifyHousehold command, OrgPrincipal caller) {
        AidAccess.requireOfficer(caller);
        OrgDirectoryEntry org = unions.activeWithin("orgId", command.orgId(), caller);
        Programme programme = catalogue.usable("programmeCode", command.programmeCode(), ProgrammeKind.CASE_FILE,
                org.path(), command.cycle());
        ProgrammeCatalogue.requireEligible(programme, applicant(command.memberId()));
        RegisteredPerson head = people.register("head", command.head().citizenIdNumber(), command.head().legalName());
        String householdId = UUID.nameUUIDFromBytes(("household:" + head.personId())
                .getBytes(StandardCharsets.UTF_8)).toString();
        HardshipCase created = HardshipCase.identify(UUID.randomUUID().toString(), org.orgId(), org.path(),
                programme.code(), command.cycle(), command.identifiedBy(), householdId, command.memberId(),
                ref(head), caller.subject(), clock.instant());
        try {
            cases.add(created, List.of());
        } catch (HardshipCases.HouseholdHasOpenCase open) {
            throw new ConflictException("the household has an open hardship case already");
        }
        audit.info("hardship case identified caseId={} orgPath={} actorSubject={}", created.id(), org.path(),
                caller.subject());
        return created;
    }

    public HardshipCase file(String id, FileCase command, OrgPrincipal caller) {
        AidAccess.requireOfficer(caller);
        List<FileCase.Member> requested = command.householdMembers() == null ? List.of()
                : command.householdMembers();
        List<HouseholdMember> members = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            FileCase.Member member = requested.get(i);
            RegisteredPerson person = people.register("householdMembers[" + i + "]", member.person().citizenIdNumber(),
                    member.person().legalName());
            members.add(new HouseholdMember(ref(person), member.relation()));
        }
        return change(id, caller, c -> List.of(c.file(command.category(), command.causes(), members,
                command.monthlyIncomeFen(), caller.subject(), clock.instant())));
    }

    /** The review: eligible → REVIEWED, not eligible → CLOSED (NOT_ELIGIBLE). */
    public HardshipCase review(String id, boolean eligible, String reasonCode, OrgPrincipal caller) {
        AidAccess.requireStaff(caller);
        HardshipCase reviewed = change(id, caller, c -> c.review(eligible, caller.subject(), clock.instant(), today())
                .<List<Object>>map(List::of).orElse(List.of()));
        audit.info("hardship case reviewed caseId={} eligible={} reasonCode={} actorSubject={}", id, eligible,
                reasonCode, caller.subject());
        return reviewed;
    }

    public HardshipCase planMeasures(String id, List<PlannedMeasure> measures, OrgPrincipal caller) {
        AidAccess.requireOfficer(caller);
        return change(id, caller, c -> {
            c.planMeasures(measures, caller.subject(), clock.instant());
            return List.of();
        });
    }

    /**
     * Approves a REVIEWED case for its planned total from {@code budgetLineId}.
     *
     * @throws cn.smartunion.aid.approval.domain.ApprovalRefused when the caller filed it or their union is too low
     * @throws BudgetExhausted                                   when the line is short (the case stays REVIEWED)
     */
    public HardshipCase approve(String id, String budgetLineId, OrgPrincipal caller) {
        AidAccess.requireApprover(caller);
        for (int attempt = 1; ; attempt++) {
            HardshipCase c = load(id, caller);
            switch (c.status()) {
                case APPROVING -> {
                    boolean stale = c.approval().startedAt().plus(STALE_APPROVAL).isBefore(clock.instant());
                    if (!caller.subject().equals(c.approval().approverSubject()) && !stale) {
                        throw new AidStatusConflict("the hardship case is being approved: it", c.status().name());
                    }
                    return finishApproval(c, caller);
                }
                case REVIEWED -> {
                    if (c.measures().isEmpty()) {
                        throw new AidRuleViolation("measures", "plan the measures before approving the case");
                    }
                    ApprovalLevel level = approvalPolicy.check(caller.subject(), caller.orgPath(), c.filedBy(),
                            c.totalPlannedFen());
                    BudgetLine line = budgets.fundingLine(budgetLineId, c.programmeCode(), c.cycle(), c.orgPath());
                    c.startApproval(level, caller.subject(), line.id(), line.fundingSource(), clock.instant());
                    try {
                        cases.update(c, List.of());
                    } catch (HardshipCases.ConcurrentUpdate raced) {
                        if (attempt == MAX_ATTEMPTS) {
                            throw changedMeanwhile();
                        }
                        continue;
                    }
                    return finishApproval(load(id, caller), caller);
                }
                default -> throw new AidStatusConflict("only a REVIEWED hardship case can be approved; it",
                        c.status().name());
            }
        }
    }

    private HardshipCase finishApproval(HardshipCase c, OrgPrincipal caller) {
        var approval = c.approval();
        Programme programme = catalogue.usable("programmeCode", c.programmeCode(), ProgrammeKind.CASE_FILE,
                c.orgPath(), c.cycle());
        try {
            if (programme.oncePerCycle()) {
                grants.claim(c.programmeCode(), c.cycle(), c.householdId(), c.id(), this::holdsGrant);
            }
            budgets.commit(approval.budgetLineId(), approval.commitmentId(), approval.amountFen());
        } catch (BudgetExhausted | AlreadyGrantedInCycle refused) {
            if (programme.oncePerCycle() && refused instanceof BudgetExhausted) {
                grants.release(c.programmeCode(), c.cycle(), c.householdId(), c.id());
            }
            c.abandonApproval(caller.subject(), clock.instant());
            try {
                cases.update(c, List.of());
            } catch (HardshipCases.ConcurrentUpdate ignored) {
                // someone else moved it meanwhile; their outcome stands
            }
            throw refused;
        }
        notices.post(c.id(), c.programmeCode(), c.cycle(), c.orgId(), c.orgPath(), c.head().personId(),
                approval.amountFen(), LocalDate.ofInstant(clock.instant(), UNION_ZONE));
        var approved = c.completeApproval(clock.instant());
        try {
            cases.update(c, List.of(approved));
        } catch (HardshipCases.ConcurrentUpdate raced) {
            HardshipCase now = load(c.id(), caller);
            throw new AidStatusConflict("the hardship case was decided meanwhile: it", now.status().name());
        }
        audit.info("hardship case approved caseId={} level={} amountFen={} actorSubject={}", c.id(),
                approval.level(), approval.amountFen(), approval.approverSubject());
        return load(c.id(), caller);
    }

    /** A case still holds its once-per-cycle place while it is being or has been approved and not reopened. */
    private boolean holdsGrant(String caseId) {
        return cases.find(caseId).map(h -> h.status() == CaseStatus.APPROVING || h.status() == CaseStatus.APPROVED
                || h.status() == CaseStatus.RELIEVED || h.status() == CaseStatus.CONSOLIDATION
                || (h.status() == CaseStatus.CLOSED && h.approvedFen() > 0)).orElse(false);
    }

    /**
     * Pays part of an APPROVED case for one of its measures, at most the measure's planned amount; repeated with the
     * same key it returns the same ledger entry and pays once.
     *
     * @throws PaymentExceedsApproval when the amount is more than is approved and unpaid
     */
    public Disbursement disburse(String id, PayCase command, OrgPrincipal caller) {
        AidAccess.requireOfficer(caller);
        HardshipCase c = load(id, caller);
        c.requirePayable(command.measure());
        long planned = c.measures().stream().filter(m -> m.measure() == command.measure())
                .mapToLong(PlannedMeasure::plannedFen).sum();
        long paidBefore = cases.paidByMeasure(id, command.idempotencyKey()).getOrDefault(command.measure(), 0L);
        if (paidBefore + command.amountFen() > planned) {
            throw new PaymentExceedsApproval();
        }
        var approval = c.approval();
        Disbursement paid = disbursements.disburse(new Disburse(command.idempotencyKey(),
                DisbursementSource.HARDSHIP_CASE, c.id(), "hardship_cases", c.programmeCode(), c.orgId(), c.orgPath(),
                c.cycle(), approval.budgetLineId(), approval.fundingSource(), command.amountFen(), command.channel(),
                command.disbursedOn(), c.head().personId(), command.bankCardNumber(), caller.subject()));
        cases.recordMeasurePayment(id, command.idempotencyKey(), paid.id(), command.measure(), command.amountFen());
        return paid;
    }

    public HardshipCase recordVisit(String id, LocalDate visitedOn, RelapseRisk risk, OrgPrincipal caller) {
        AidAccess.requireOfficer(caller);
        if (visitedOn.isAfter(today())) {
            throw new AidRuleViolation("visitedOn", "must not be in the future");
        }
        return change(id, caller, c -> {
            c.recordVisit(visitedOn, risk, caller.subject(), clock.instant());
            return List.of();
        });
    }

    public HardshipCase relieve(String id, LocalDate relievedOn, OrgPrincipal caller) {
        AidAccess.requireOfficer(caller);
        if (relievedOn.isAfter(today())) {
            throw new AidRuleViolation("relievedOn", "must not be in the future");
        }
        return change(id, caller, c -> List.of(c.relieve(relievedOn, caller.subject(), clock.instant())));
    }

    public HardshipCase consolidate(String id, OrgPrincipal caller) {
        AidAccess.requireOfficer(caller);
        return change(id, caller, c -> {
            c.consolidate(caller.subject(), clock.instant());
            return List.of();
        });
    }

    public HardshipCase close(String id, CaseClosure outcome, OrgPrincipal caller) {
        AidAccess.requireOfficer(caller);
        return change(id, caller, c -> List.of(c.close(outcome, today(), caller.subject(), clock.instant())));
    }

    /** @throws ConflictException when the household has another open case meanwhile */
    public HardshipCase reopen(String id, ReopeningReason reason, OrgPrincipal caller) {
        AidAccess.requireOfficer(caller);
        try {
            return change(id, caller, c -> List.of(c.reopen(reason, caller.subject(), clock.instant())));
        } catch (HardshipCases.HouseholdHasOpenCase open) {
            throw new ConflictException("the household has another open hardship case");
        }
    }

    public CaseFile get(String id, OrgPrincipal caller) {
        AidAccess.requireReader(caller);
        HardshipCase c = load(id, caller);
        return new CaseFile(c, cases.paidByMeasure(id, null));
    }

    public PageView<HardshipCase> list(OrgPrincipal caller, CaseStatus status, HardshipCategory category,
                                       String orgId, int page, int size) {
        AidAccess.requireReader(caller);
        HardshipCases.CaseFilter filter = new HardshipCases.CaseFilter(caller.orgPath(), status, category, orgId);
        return new PageView<>(cases.list(filter, page, size), page, size, cases.count(filter));
    }

    /** Loads the case in the caller's scope, applies {@code change} and stores it with the events it returns. */
    private HardshipCase change(String id, OrgPrincipal caller, Function<HardshipCase, List<Object>> change) {
        for (int attempt = 1; ; attempt++) {
            HardshipCase c = load(id, caller);
            List<Object> events = change.apply(c);
            try {
                cases.update(c, events);
            } catch (HardshipCases.ConcurrentUpdate raced) {
                if (attempt == MAX_ATTEMPTS) {
                    throw changedMeanwhile();
                }
                continue;
            }
            if (c.pendingRelease() != null) {
                finishRelease(c.id(), c.pendingRelease());
            }
            return load(id, caller);
        }
    }

    /** The case in the caller's subtree (404 otherwise), with any release a crash left pending finished first. */
    private HardshipCase load(String id, OrgPrincipal caller) {
        if (!caller.hasOrgPath()) {
            throw new NotFoundException("hardship case not found");
        }
        HardshipCase c = cases.findWithin(id, caller.orgPath())
                .orElseThrow(() -> new NotFoundException("hardship case not found"));
        if (c.pendingRelease() != null) {
            finishRelease(c.id(), c.pendingRelease());
            c = cases.findWithin(id, caller.orgPath())
                    .orElseThrow(() -> new NotFoundException("hardship case not found"));
        }
        return c;
    }

    private void finishRelease(String caseId, UnpaidRelease release) {
        budgets.release(release.budgetLineId(), release.releaseId(), release.amountFen());
        cases.releaseDone(caseId, release.releaseId());
    }

    private Applicant applicant(String memberId) {
        LocalDate today = today();
        if (memberId == null) {
            return new Applicant(MemberStanding.NOT_A_MEMBER, null, null, false);
        }
        return memberRecords.find(memberId).map(r -> r.asApplicantOn(today, null))
                .orElseGet(() -> new Applicant(MemberStanding.NOT_A_MEMBER, null, null, false));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), UNION_ZONE);
    }

    private static PersonRef ref(RegisteredPerson person) {
        return new PersonRef(person.personId(), person.maskedName(), person.maskedIdNumber());
    }

    private static ConflictException changedMeanwhile() {
        return new ConflictException("the hardship case was changed meanwhile; read it again and retry");
    }
}
