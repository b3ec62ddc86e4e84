package cn.smartunion.competition.judging.application;

import cn.smartunion.competition.judging.domain.AwardBand;
import cn.smartunion.competition.judging.domain.CompetitionView;
import cn.smartunion.competition.judging.domain.Criterion;
import cn.smartunion.competition.judging.domain.MarkingScheme;
import cn.smartunion.competition.judging.domain.MarkingSchemes;
import cn.smartunion.competition.judging.domain.Panel;
import cn.smartunion.competition.judging.domain.Panels;
import cn.smartunion.competition.judging.domain.SchemeRuleViolation;
import cn.smartunion.competition.judging.domain.TieBreak;
import cn.smartunion.competition.access.CompetitionAccess;
import cn.smartunion.competition.members.domain.MemberDirectory;
import cn.smartunion.competition.members.domain.MemberView;
import cn.smartunion.competition.web.CompetitionRuleViolation;
import cn.smartunion.competition.web.CompetitionStatusConflict;
import cn.smartunion.competition.web.NotEligible;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The organiser sets each stage's marking scheme (until the first score freezes it) and appoints its judging panel.
 */
@Service
public class JudgingSetup {

    private final JudgingContext context;
    private final MarkingSchemes schemes;
    private final Panels panels;
    private final MemberDirectory members;
    private final Duration minimumWindow;

    JudgingSetup(JudgingContext context, MarkingSchemes schemes, Panels panels, MemberDirectory members,
                 @Value("${smartunion.competition.appeals.minimum-window:PT30M}") Duration minimumWindow) {
        this.context = context;
        this.schemes = schemes;
        this.panels = panels;
        this.members = members;
        this.minimumWindow = minimumWindow;
    }

    public record SetScheme(List<Criterion> criteria, Integer minJudges, List<String> tieBreaks, String appealWindow,
                            List<AwardBand> awardBands, Integer advancing) {
    }

    public MarkingScheme setScheme(String competitionId, String stage, SetScheme command, OrgPrincipal caller) {
        CompetitionView competition = context.asOrganiser(competitionId, stage, caller);
        MarkingScheme scheme;
        try {
            List<TieBreak> tieBreaks = new ArrayList<>();
            List<String> declared = command.tieBreaks() == null ? List.of() : command.tieBreaks();
            for (int i = 0; i < declared.size(); i++) {
                tieBreaks.add(TieBreak.parse(declared.get(i), "tieBreaks[" + i + "]"));
            }
            scheme = MarkingScheme.define(competitionId, stage, command.criteria(),
                    command.minJudges() == null ? MarkingScheme.MIN_JUDGES : command.minJudges(), tieBreaks,
                    window(command.appealWindow()), minimumWindow,
                    command.awardBands() == null ? List.of() : command.awardBands(), command.advancing());
        }
        catch (SchemeRuleViolation violation) {
            throw new CompetitionRuleViolation(violation.field(), violation.getMessage());
        }
        if (!schemes.saveUnlessFrozen(scheme, competition.orgPath())) {
            throw new CompetitionStatusConflict("the marking scheme", "FROZEN");
        }
        return scheme;
    }

    private static Duration window(String text) {
        if (text == null) {
            return Duration.ofHours(2);
        }
        try {
            return Duration.parse(text);
        }
        catch (DateTimeParseException notIso) {
            throw new CompetitionRuleViolation("appealWindow", "an ISO-8601 duration such as PT2H");
        }
    }

    public MarkingScheme scheme(String competitionId, String stage, OrgPrincipal caller) {
        context.stageOf(competitionId, stage);
        boolean judge = context.judgeMember(caller)
                .flatMap(j -> panels.find(competitionId, stage).filter(p -> p.hasJudge(j.memberId()))).isPresent();
        if (!judge) {
            CompetitionAccess.requireReader(caller);
            caller.requireCovers(context.competition(competitionId).orgPath(),
                    "competition not found");
        }
        return schemes.find(competitionId, stage).orElseThrow(() -> new NotFoundException("no marking scheme yet"));
    }

    public Panel appoint(String competitionId, String stage, List<String> judges, String chiefJudge,
                         OrgPrincipal caller) {
        CompetitionView competition = context.asOrganiser(competitionId, stage, caller);
        if (new HashSet<>(judges).size() != judges.size()) {
            throw new CompetitionRuleViolation("judges", "each judge once");
        }
        for (int i = 0; i < judges.size(); i++) {
            MemberView judge = members.find(judges.get(i))
                    .orElseThrow(() -> new CompetitionRuleViolation("judges", "names an unknown member"));
            if (judge.accountSubject() == null) {
                throw new NotEligible(NotEligible.Reason.JUDGE_ACCOUNT_NOT_LINKED, i,
                        "a judge must have linked their own account before being appointed");
            }
        }
        Panel panel;
        try {
            panel = new Panel(competitionId, stage, judges, chiefJudge);
        }
        catch (SchemeRuleViolation violation) {
            throw new CompetitionRuleViolation(violation.field(), violation.getMessage());
        }
        panels.save(panel, competition.orgPath());
        return panel;
    }

    public Panel panel(String competitionId, String stage, OrgPrincipal caller) {
        CompetitionAccess.requireReader(caller);
        CompetitionView competition = context.stageOf(competitionId, stage);
        caller.requireCovers(competition.orgPath(), "competition not found");
        return panels.find(competitionId, stage).orElseThrow(() -> new NotFoundException("no panel yet"));
    }
}
