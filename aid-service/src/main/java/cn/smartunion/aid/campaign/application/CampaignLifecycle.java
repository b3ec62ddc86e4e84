package cn.smartunion.aid.campaign.application;

import cn.smartunion.aid.access.AidAccess;
import cn.smartunion.aid.budget.application.Budgets;
import cn.smartunion.aid.budget.domain.BudgetLine;
import cn.smartunion.aid.campaign.domain.Campaign;
import cn.smartunion.aid.campaign.domain.CampaignStatus;
import cn.smartunion.aid.campaign.domain.CampaignTotals;
import cn.smartunion.aid.campaign.domain.Campaigns;
import cn.smartunion.aid.programme.application.ProgrammeCatalogue;
import cn.smartunion.aid.programme.domain.Programme;
import cn.smartunion.aid.programme.domain.ProgrammeKind;
import cn.smartunion.aid.web.AidStatusConflict;
import cn.smartunion.aid.web.PageView;
import cn.smartunion.runtime.orgdirectory.OrgDirectory;
import cn.smartunion.runtime.orgdirectory.OrgDirectoryEntry;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.UUID;

/** Planning, launching and closing campaigns, and reading them with their totals (scoped to the caller's subtree). */
@Service
public class CampaignLifecycle {

    private final Campaigns campaigns;
    private final OrgDirectory unions;
    private final ProgrammeCatalogue catalogue;
    private final Budgets budgets;
    private final Clock clock;

    CampaignLifecycle(Campaigns campaigns, OrgDirectory unions, ProgrammeCatalogue catalogue, Budgets budgets,
                      Clock clock) {
        this.campaigns = campaigns;
        this.unions = unions;
        this.catalogue = catalogue;
        this.budgets = budgets;
        this.clock = clock;
    }

    public Campaign plan(PlanCampaign command, OrgPrincipal caller) {
        AidAccess.requireOfficer(caller);
        OrgDirectoryEntry org = unions.activeWithin("orgId", command.orgId(), caller);
        Programme programme = catalogue.usable("programmeCode", command.programmeCode(), ProgrammeKind.CAMPAIGN,
                org.path(), command.cycle());
        budgets.fundingLine(command.budgetLineId(), programme.code(), command.cycle(), org.path());
        Campaign campaign = Campaign.plan(UUID.randomUUID().toString(), programme.code(), org.orgId(), org.path(),
                command.cycle(), command.budgetLineId(), command.title(), command.startsOn(), command.endsOn(),
                caller.subject(), clock.instant());
        campaigns.add(campaign);
        return campaign;
    }

    public Campaign launch(String id, OrgPrincipal caller) {
        AidAccess.requireOfficer(caller);
        Campaign campaign = within(id, caller);
        BudgetLine line = budgets.fundingLine(campaign.budgetLineId(), campaign.programmeCode(), campaign.cycle(),
                campaign.orgPath());
        Campaign.Launch launch = campaign.launch(line.allocatedFen(), line.fundingSource(), clock.instant());
        if (!campaigns.transition(launch.campaign(), CampaignStatus.PLANNED, launch.event())) {
            throw new AidStatusConflict("the campaign", within(id, caller).status().name());
        }
        return launch.campaign();
    }

    public Campaign close(String id, OrgPrincipal caller) {
        AidAccess.requireOfficer(caller);
        Campaign campaign = within(id, caller);
        Campaign closed = campaign.close(clock.instant());
        if (!campaigns.transition(closed, campaign.status(), null)) {
            throw new AidStatusConflict("the campaign", within(id, caller).status().name());
        }
        return closed;
    }

    public Campaign get(String id, OrgPrincipal caller) {
        AidAccess.requireReader(caller);
        return within(id, caller);
    }

    public CampaignTotals totals(String id) {
        return campaigns.totals(id);
    }

    public PageView<Campaign> list(OrgPrincipal caller, String programmeCode, String cycle, CampaignStatus status,
                                   int page, int size) {
        AidAccess.requireReader(caller);
        return new PageView<>(campaigns.listWithin(caller.orgPath(), programmeCode, cycle, status, page, size), page,
                size, campaigns.countWithin(caller.orgPath(), programmeCode, cycle, status));
    }

    Campaign within(String id, OrgPrincipal caller) {
        return campaigns.findWithin(id, caller.orgPath())
                .orElseThrow(() -> new NotFoundException("campaign not found"));
    }
}
