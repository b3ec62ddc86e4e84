package cn.smartunion.competition.competition.application;

import cn.smartunion.competition.access.CompetitionAccess;
import cn.smartunion.competition.competition.domain.Competition;
import cn.smartunion.competition.competition.domain.CompetitionDetails;
import cn.smartunion.competition.competition.domain.Competitions;
import cn.smartunion.competition.web.CompetitionRuleViolation;
import cn.smartunion.competition.web.CompetitionStatusConflict;
import cn.smartunion.competition.web.PageView;
import cn.smartunion.runtime.orgdirectory.OrgDirectory;
import cn.smartunion.runtime.orgdirectory.OrgDirectoryEntry;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Function;

/**
 * Organisers create competitions as drafts in their subtree, edit and publish them, close or cancel them. Staff read
 * their subtree's competitions in any status; everyone signed in reads published ones (public information). A change
 * that lost a race against another is answered with the 409 of the status it finds.
 */
@Service
public class CompetitionOrganisation {

    private final Competitions competitions;
    private final OrgDirectory unions;
    private final Clock clock;

    CompetitionOrganisation(Competitions competitions, OrgDirectory unions, Clock clock) {
        this.competitions = competitions;
        this.unions = unions;
        this.clock = clock;
    }

    public Competition create(String orgId, CompetitionDetails details, OrgPrincipal caller) {
        CompetitionAccess.requireOrganiser(caller);
        OrgDirectoryEntry union = unions.activeWithin("orgId", orgId, caller);
        Competition competition = Competition.draft(UUID.randomUUID().toString(), union.orgId(), union.path(), details,
                caller.subject(), clock.instant());
        competitions.add(competition);
        return competition;
    }

    public Competition edit(String id, String orgId, CompetitionDetails details, OrgPrincipal caller) {
        return change(id, caller, c -> {
            if (!c.orgId().equals(orgId)) {
                throw new CompetitionRuleViolation("orgId", "the organising union cannot change");
            }
            c.edit(details);
            return null;
        });
    }

    public Competition publish(String id, OrgPrincipal caller) {
        return change(id, caller, c -> c.publish(clock.instant()));
    }

    public Competition close(String id, OrgPrincipal caller) {
        return change(id, caller, c -> {
            c.close();
            return null;
        });
    }

    public Competition cancel(String id, OrgPrincipal caller) {
        return change(id, caller, c -> c.cancel(clock.instant()));
    }

    /** Staff of the organiser's subtree see any status; anyone signed in sees a published competition. */
    public Competition get(String id, OrgPrincipal caller) {
        Competition competition = competitions.find(id).orElseThrow(CompetitionOrganisation::notFound);
        if (competition.isPublic() || (isStaff(caller) && caller.covers(competition.orgPath()))) {
            return competition;
        }
        throw notFound();
    }

    public PageView<Competition> list(OrgPrincipal caller, Competitions.Filter wanted, boolean openNow, int page,
                                      int size) {
        Competitions.Filter filter = new Competitions.Filter(isStaff(caller) ? caller.orgPath() : null,
                wanted.status(), wanted.type(), wanted.level(), wanted.brand(), wanted.trade(), wanted.withinOrgPath(),
                openNow ? clock.instant() : null);
        return new PageView<>(competitions.list(filter, page, size), page, size, competitions.count(filter));
    }

    /** The competition as its organiser sees it: in their subtree, with the organiser role. */
    public Competition organisedBy(String id, OrgPrincipal caller) {
        CompetitionAccess.requireOrganiser(caller);
        Competition competition = competitions.find(id).orElseThrow(CompetitionOrganisation::notFound);
        caller.requireCovers(competition.orgPath(), "competition not found");
        return competition;
    }

    private Competition change(String id, OrgPrincipal caller, Function<Competition, Object> action) {
        Competition competition = organisedBy(id, caller);
        Object event = action.apply(competition);
        try {
            competitions.update(competition, event);
        } catch (Competitions.ConcurrentChange lost) {
            throw new CompetitionStatusConflict("the competition was changed meanwhile; it",
                    organisedBy(id, caller).status().name());
        }
        return competition;
    }

    private static boolean isStaff(OrgPrincipal caller) {
        return caller.hasOrgPath() && (caller.hasRole(CompetitionAccess.ORGANISER)
                || caller.hasRole(CompetitionAccess.UNION_ADMIN) || caller.hasRole(CompetitionAccess.JUDGE)
                || caller.hasRole(CompetitionAccess.ANALYST));
    }

    private static NotFoundException notFound() {
        return new NotFoundException("competition not found");
    }
}
