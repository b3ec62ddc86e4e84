package cn.smartunion.aid.aidapplication.application;

import cn.smartunion.aid.access.AidAccess;
import cn.smartunion.aid.aidapplication.domain.AidApplication;
import cn.smartunion.aid.aidapplication.domain.AidApplications;
import cn.smartunion.aid.aidapplication.domain.ApplicationStatus;
import cn.smartunion.aid.approval.domain.ApprovalPolicy;
import cn.smartunion.aid.approval.domain.ApprovalRefused;
import cn.smartunion.aid.budget.application.Budgets;
import cn.smartunion.aid.budget.domain.BudgetExhausted;
import cn.smartunion.aid.budget.domain.BudgetLine;
import cn.smartunion.aid.notice.application.PublicNotices;
import cn.smartunion.aid.people.application.GrantsPerCycle;
import cn.smartunion.aid.web.AidRuleViolation;
import cn.smartunion.aid.web.AidStatusConflict;
import cn.smartunion.contracts.aid.AidApplicationApproved;
import cn.smartunion.contracts.aid.AidRejectionReason;
import cn.smartunion.contracts.aid.ApprovalLevel;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Approvers decide applications. An approval is three conditional steps, each safe to repeat, so a crash anywhere
 * leaves nothing half done and money is never committed twice:
 * <ol>
 * <li>the application turns {@code APPROVING} with the decision (only from {@code SUBMITTED}: of two concurrent
 * decisions exactly one wins, the other gets 409);</li>
 * <li>the amount is committed on the budget line under the application's commitment id (a conditional {@code $inc}
 * that never takes the line below zero, applied once per id); if the line has too little the application returns to
 * {@code SUBMITTED} and the approver gets 409 {@code budget-exhausted};</li>
 * <li>the application turns {@code APPROVED} with its event and is posted on the public notice.</li>
 * </ol>
 * {@link #finishStuckApprovals} completes approvals a crash interrupted after step 1.
 */
@Service
public class ApplicationReview {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final AidApplications applications;
    private final ApprovalPolicy policy;
    private final Budgets budgets;
    private final GrantsPerCycle grants;
    private final PublicNotices notices;
    private final Clock clock;

    ApplicationReview(AidApplications applications, ApprovalPolicy policy, Budgets budgets,
                      GrantsPerCycle grants, PublicNotices notices, Clock clock) {
        this.applications = applications;
        this.policy = policy;
        this.budgets = budgets;
        this.grants = grants;
        this.notices = notices;
        this.clock = clock;
    }

    public AidApplication approve(String id, String budgetLineId, Long approvedFen, OrgPrincipal caller) {
        AidAccess.requireApprover(caller);
        AidApplication application = scoped(id, caller);
        long amount = approvedFen == null ? application.requestedFen() : approvedFen;
        ApprovalLevel level = policy.check(caller.subject(), caller.orgPath(), application.submittedBy(), amount);
        if (application.status() != ApplicationStatus.SUBMITTED) {
            throw new AidStatusConflict("the application", application.status().name());
        }
        if (amount > application.requestedFen()) {
            throw new AidRuleViolation("approvedFen", "must not exceed the requested amount");
        }
        BudgetLine line = budgets.fundingLine(budgetLineId, application.programmeCode(), application.cycle(),
                application.orgPath());
        application.startApproval(new AidApplication.Decision(caller.subject(), level, line.id(),
                line.fundingSource(), amount, null, clock.instant()));
        try {
            applications.update(application, null);
        } catch (AidApplications.ConcurrentChange lostRace) {
            throw conflict(id);
        }
        return complete(applications.find(id).orElseThrow());
    }

    public AidApplication reject(String id, AidRejectionReason reason, OrgPrincipal caller) {
        AidAccess.requireApprover(caller);
        AidApplication application = scoped(id, caller);
        if (caller.subject().equals(application.submittedBy())) {
            throw new ApprovalRefused(ApprovalRefused.Reason.APPROVER_IS_FILER, null);
        }
        var event = application.reject(caller.subject(), reason, clock.instant());
        try {
            applications.update(application, event);
        } catch (AidApplications.ConcurrentChange lostRace) {
            throw conflict(id);
        }
        releaseGrant(grants, application);
        return applications.find(id).orElseThrow();
    }

    /** Steps 2 and 3 for an application in {@code APPROVING}. */
    private AidApplication complete(AidApplication application) {
        AidApplication.Decision decision = application.decision();
        try {
            budgets.commit(decision.budgetLineId(), application.commitmentId(), decision.approvedFen());
        } catch (BudgetExhausted exhausted) {
            application.abandonApproval();
            applications.update(application, null);
            throw exhausted;
        }
        AidApplicationApproved approved = application.approve();
        applications.update(application, approved);
        notices.post(application.id(), application.programmeCode(), application.cycle(), application.orgId(),
                application.orgPath(), application.applicantPersonId(), decision.approvedFen(),
                LocalDate.ofInstant(decision.decidedAt(), CHINA));
        return applications.find(application.id()).orElseThrow();
    }

    /** Completes approvals started more than {@code olderThan} ago and never finished. @return how many */
    public int finishStuckApprovals(Duration olderThan) {
        int finished = 0;
        for (AidApplication stuck : applications.approvalsStartedBefore(clock.instant().minus(olderThan), 100)) {
            try {
                complete(stuck);
                finished++;
            } catch (BudgetExhausted | AidApplications.ConcurrentChange ignored) {
                // exhausted: back to SUBMITTED for another decision; concurrent: another replica finished it
            }
        }
        return finished;
    }

    static void releaseGrant(GrantsPerCycle grants, AidApplication application) {
        String beneficiary = application.student() != null ? application.student().personId()
                : application.applicantPersonId();
        grants.release(application.programmeCode(), application.cycle(), beneficiary, application.id());
    }

    private AidApplication scoped(String id, OrgPrincipal caller) {
        return applications.findWithin(id, caller.orgPath())
                .orElseThrow(() -> new NotFoundException("aid application not found"));
    }

    private AidStatusConflict conflict(String id) {
        return new AidStatusConflict("the application",
                applications.find(id).map(a -> a.status().name()).orElse("UNKNOWN"));
    }
}
