package cn.smartunion.aid.mutualaid.application;

import cn.smartunion.aid.access.AidAccess;
import cn.smartunion.aid.budget.application.Budgets;
import cn.smartunion.aid.mutualaid.domain.MutualAidPlan;
import cn.smartunion.aid.mutualaid.domain.PlanVersion;
import cn.smartunion.aid.mutualaid.domain.Plans;
import cn.smartunion.aid.programme.application.ProgrammeCatalogue;
import cn.smartunion.aid.programme.domain.Programme;
import cn.smartunion.aid.programme.domain.ProgrammeKind;
import cn.smartunion.aid.web.PageView;
import cn.smartunion.runtime.orgdirectory.OrgDirectory;
import cn.smartunion.runtime.orgdirectory.OrgDirectoryEntry;
import cn.smartunion.runtime.problem.ConflictException;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Mutual-aid plans (职工医疗互助): a union defines one per programme and plan year, and publishes new versions of its
 * terms as the disease list grows. Plans are seen by their own union, the unions below it (whose members enrol) and
 * the unions above it; only the owning union or one above it publishes versions.
 */
@Service
public class MutualAidPlans {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Plans plans;
    private final OrgDirectory unions;
    private final ProgrammeCatalogue catalogue;
    private final Budgets budgets;
    private final Clock clock;

    MutualAidPlans(Plans plans, OrgDirectory unions, ProgrammeCatalogue catalogue, Budgets budgets, Clock clock) {
        this.plans = plans;
        this.unions = unions;
        this.catalogue = catalogue;
        this.budgets = budgets;
        this.clock = clock;
    }

    public record CreatePlan(String programmeCode, String orgId, int planYear, List<String> coveredDiseases,
                             long contributionFen, long maxPayoutFen, long annualLimitFen, String budgetLineId) {
    }

    /** Terms of the next version; null amounts keep the latest version's. */
    public record PublishVersion(LocalDate effectiveFrom, List<String> coveredDiseases, Long contributionFen,
                                 Long maxPayoutFen, Long annualLimitFen) {
    }

    public MutualAidPlan create(CreatePlan command, OrgPrincipal caller) {
        AidAccess.requireOfficer(caller);
        OrgDirectoryEntry org = unions.activeWithin("orgId", command.orgId(), caller);
        String cycle = String.valueOf(command.planYear());
        Programme programme = catalogue.usable("programmeCode", command.programmeCode(), ProgrammeKind.MUTUAL_AID,
                org.path(), cycle);
        budgets.fundingLine(command.budgetLineId(), programme.code(), cycle, org.path());
        MutualAidPlan plan = MutualAidPlan.create(UUID.randomUUID().toString(), programme.code(), org.orgId(),
                org.path(), command.planYear(), command.budgetLineId(),
                new MutualAidPlan.Terms(command.coveredDiseases(), command.contributionFen(), command.maxPayoutFen(),
                        command.annualLimitFen()), caller.subject(), clock.instant());
        plans.add(plan);
        return plan;
    }

    public MutualAidPlan publish(String planId, PublishVersion command, OrgPrincipal caller) {
        AidAccess.requireOfficer(caller);
        MutualAidPlan plan = get(planId, caller);
        if (!caller.covers(plan.orgPath())) {
            throw new AccessDeniedException("only the plan's union or one above it publishes its versions");
        }
        PlanVersion latest = plan.latest();
        PlanVersion next = plan.nextVersion(command.effectiveFrom(), new MutualAidPlan.Terms(command.coveredDiseases(),
                        orLatest(command.contributionFen(), latest.contributionFen()),
                        orLatest(command.maxPayoutFen(), latest.maxPayoutFen()),
                        orLatest(command.annualLimitFen(), latest.annualLimitFen())),
                today(), caller.subject(), clock.instant());
        if (!plans.publish(planId, next)) {
            throw new ConflictException("another version of the plan was published meanwhile; reload and retry");
        }
        return plan.with(next);
    }

    public MutualAidPlan get(String planId, OrgPrincipal caller) {
        AidAccess.requireReader(caller);
        return plans.findVisibleTo(planId, caller.orgPath())
                .orElseThrow(() -> new NotFoundException("mutual-aid plan not found"));
    }

    public PageView<MutualAidPlan> list(OrgPrincipal caller, Integer planYear, String programmeCode, int page,
                                        int size) {
        AidAccess.requireReader(caller);
        return new PageView<>(plans.listVisibleTo(caller.orgPath(), planYear, programmeCode, page, size), page, size,
                plans.countVisibleTo(caller.orgPath(), planYear, programmeCode));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    private static long orLatest(Long value, long latest) {
        return value == null ? latest : value;
    }
}
