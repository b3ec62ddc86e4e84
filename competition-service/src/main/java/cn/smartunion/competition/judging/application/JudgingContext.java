package cn.smartunion.competition.judging.application;

import cn.smartunion.competition.access.CompetitionAccess;
import cn.smartunion.competition.judging.domain.CompetitionView;
import cn.smartunion.competition.judging.domain.Panel;
import cn.smartunion.competition.judging.domain.Panels;
import cn.smartunion.competition.judging.domain.StageEntrants;
import cn.smartunion.competition.members.domain.MemberDirectory;
import cn.smartunion.competition.members.domain.MemberView;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Who the caller is to a competition: staff in the organiser's subtree, a judge on a stage's panel (the member
 * linked to the caller's account), or its chief judge. Shared by judging and results.
 */
@Component
public class JudgingContext {

    private final StageEntrants entrants;
    private final Panels panels;
    private final MemberDirectory members;

    JudgingContext(StageEntrants entrants, Panels panels, MemberDirectory members) {
        this.entrants = entrants;
        this.panels = panels;
        this.members = members;
    }

    /** The competition, found by id regardless of scope (judges and entrants act across unions). */
    public CompetitionView competition(String competitionId) {
        return entrants.competition(competitionId)
                .orElseThrow(() -> new NotFoundException("competition not found"));
    }

    public CompetitionView stageOf(String competitionId, String stage) {
        CompetitionView competition = competition(competitionId);
        if (!competition.hasStage(stage)) {
            throw new NotFoundException("stage not found");
        }
        return competition;
    }

    /** The competition when the caller is its organiser (role and subtree). */
    public CompetitionView asOrganiser(String competitionId, String stage, OrgPrincipal caller) {
        CompetitionAccess.requireOrganiser(caller);
        CompetitionView competition = stage == null ? competition(competitionId) : stageOf(competitionId, stage);
        caller.requireCovers(competition.orgPath(), "competition not found");
        return competition;
    }

    /** The judge member linked to the caller's account, when the caller has the judge role and a linked member. */
    public Optional<MemberView> judgeMember(OrgPrincipal caller) {
        if (!caller.hasRole(CompetitionAccess.JUDGE)) {
            return Optional.empty();
        }
        return members.findByAccount(caller.subject());
    }

    /** The caller as a judge of the stage's panel, or 403. */
    public MemberView asPanelJudge(String competitionId, String stage, OrgPrincipal caller) {
        CompetitionAccess.requireJudge(caller);
        MemberView judge = judgeMember(caller)
                .orElseThrow(() -> new AccessDeniedException("no member record is linked to this judge's account"));
        Panel panel = panels.find(competitionId, stage).orElse(null);
        if (panel == null || !panel.hasJudge(judge.memberId())) {
            throw new AccessDeniedException("not a judge of this stage's panel");
        }
        return judge;
    }

    /** True when the caller is the chief judge of the stage's panel. */
    public boolean isChiefJudge(String competitionId, String stage, OrgPrincipal caller) {
        return judgeMember(caller).flatMap(j -> panels.find(competitionId, stage).filter(p -> p.isChief(j.memberId())))
                .isPresent();
    }

    /** True when the caller chairs any panel of the competition. */
    public boolean chairsAnyPanel(String competitionId, OrgPrincipal caller) {
        return judgeMember(caller).map(j -> !panels.chairedBy(competitionId, j.memberId()).isEmpty()).orElse(false);
    }

    /** The competition when the caller is its organiser in scope or the stage's chief judge; 403/404 otherwise. */
    public CompetitionView asOrganiserOrChief(String competitionId, String stage, OrgPrincipal caller) {
        CompetitionView competition = stageOf(competitionId, stage);
        if (isChiefJudge(competitionId, stage, caller)) {
            return competition;
        }
        return asOrganiser(competitionId, stage, caller);
    }
}
