package cn.smartunion.competition.results.application;

import cn.smartunion.competition.access.CompetitionAccess;
import cn.smartunion.competition.judging.application.JudgingContext;
import cn.smartunion.competition.judging.application.ScoreSheetFinalisation;
import cn.smartunion.competition.judging.domain.AwardBand;
import cn.smartunion.competition.judging.domain.CompetitionView;
import cn.smartunion.competition.judging.domain.MarkingScheme;
import cn.smartunion.competition.judging.domain.MarkingSchemes;
import cn.smartunion.competition.judging.domain.ScoreLedger;
import cn.smartunion.competition.judging.domain.ScoreSheet;
import cn.smartunion.competition.judging.domain.StageEntrants;
import cn.smartunion.competition.judging.domain.StageEntry;
import cn.smartunion.competition.members.domain.MemberDirectory;
import cn.smartunion.competition.results.domain.Appeals;
import cn.smartunion.competition.results.domain.Awards;
import cn.smartunion.competition.results.domain.ConferredTitle;
import cn.smartunion.competition.results.domain.Ranking;
import cn.smartunion.competition.results.domain.ResultsStore;
import cn.smartunion.competition.results.domain.StageResults;
import cn.smartunion.competition.web.CompetitionStatusConflict;
import cn.smartunion.contracts.competition.Certifier;
import cn.smartunion.contracts.competition.CompetitionLevel;
import cn.smartunion.contracts.competition.RankedEntry;
import cn.smartunion.contracts.competition.RecipientType;
import cn.smartunion.contracts.competition.ResultsFinalised;
import cn.smartunion.contracts.competition.ResultsPublished;
import cn.smartunion.contracts.competition.SkillLevelCertified;
import cn.smartunion.contracts.competition.TitleConferred;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Publishes a stage's provisional results once every registered entry is fully scored, republishes them after an
 * upheld appeal, and finalises them after the appeal window: titles, skill levels and advancement follow, each with
 * an id derived from (competition, stage, entry, person) so a retried finalisation never confers twice.
 */
@Service
public class ResultsDesk {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JudgingContext context;
    private final StageEntrants entrants;
    private final MarkingSchemes schemes;
    private final ScoreLedger ledger;
    private final ResultsStore results;
    private final Appeals appeals;
    private final Awards awards;
    private final MemberDirectory members;
    private final ScoreSheetFinalisation finalisation;
    private final Clock clock;

    ResultsDesk(JudgingContext context, StageEntrants entrants, MarkingSchemes schemes, ScoreLedger ledger,
                ResultsStore results, Appeals appeals, Awards awards, MemberDirectory members,
                ScoreSheetFinalisation finalisation, Clock clock) {
        this.context = context;
        this.entrants = entrants;
        this.schemes = schemes;
        this.ledger = ledger;
        this.results = results;
        this.appeals = appeals;
        this.awards = awards;
        this.members = members;
        this.finalisation = finalisation;
        this.clock = clock;
    }

    /** Publishes the first provisional version; a repeat answers the results as they are. */
    public StageResults publish(String competitionId, String stage, OrgPrincipal caller) {
        CompetitionView competition = context.asOrganiserOrChief(competitionId, stage, caller);
        var existing = results.find(competitionId, stage);
        if (existing.isPresent()) {
            return existing.get();
        }
        MarkingScheme scheme = schemes.find(competitionId, stage)
                .orElseThrow(() -> new CompetitionStatusConflict("the stage's marking scheme", "MISSING"));
        List<RankedEntry> ranking = rank(competitionId, stage, scheme);
        // every sheet is complete now: repair a ScoresFinalised lost between a judge's last score and its write
        finalisation.catchUp(competition, scheme, ranking.stream().map(RankedEntry::entryId).toList(),
                ledger.ofStage(competitionId, stage));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        StageResults.Version first = new StageResults.Version(1, now, now.plus(scheme.appealWindow()), null, ranking);
        StageResults published = new StageResults(competitionId, stage, competition.orgId(), competition.orgPath(),
                StageResults.Status.PROVISIONAL, 1, List.of(first), null);
        results.publishFirst(published, publishedEvent(published, first));
        return results.find(competitionId, stage).orElseThrow();
    }

    /** The ranking from the ledger as it stands; 409 while any registered entry is not fully scored. */
    List<RankedEntry> rank(String competitionId, String stage, MarkingScheme scheme) {
        ScoreSheet sheet = new ScoreSheet(scheme, ledger.ofStage(competitionId, stage));
        List<ScoreSheet.EntryMarks> marks = entrants.registeredIn(competitionId, stage).stream()
                .map(e -> sheet.marksOf(e.entryId())).toList();
        if (marks.isEmpty() || marks.stream().anyMatch(m -> !m.complete())) {
            throw new CompetitionStatusConflict("the stage's scoring", "INCOMPLETE");
        }
        return Ranking.of(scheme, marks);
    }

    /** Adds the next provisional version after an upheld appeal (once per appeal). */
    void republish(String competitionId, String stage, String appealId) {
        MarkingScheme scheme = schemes.find(competitionId, stage).orElseThrow();
        for (int attempt = 0; attempt < 5; attempt++) {
            StageResults current = results.find(competitionId, stage).orElseThrow();
            if (current.hasVersionFor(appealId) || current.status() == StageResults.Status.FINAL) {
                return;
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            StageResults.Version next = new StageResults.Version(current.version() + 1, now,
                    now.plus(scheme.appealWindow()), appealId, rank(competitionId, stage, scheme));
            if (results.republish(competitionId, stage, current.version(), next, publishedEvent(current, next))) {
                return;
            }
        }
        throw new CompetitionStatusConflict("the stage's results", "CHANGING");
    }

    private static ResultsPublished publishedEvent(StageResults r, StageResults.Version v) {
        return new ResultsPublished(r.competitionId(), r.stage(), v.version(), true, v.ranking(), v.appealDeadline(),
                r.orgId(), r.orgPath(), v.publishedAt());
    }

    /** For staff in the organiser's subtree, the stage's judges, and entrants of the competition. */
    public StageResults view(String competitionId, String stage, OrgPrincipal caller) {
        CompetitionView competition = context.stageOf(competitionId, stage);
        boolean staff = caller.hasOrgPath() && (caller.hasRole(CompetitionAccess.ORGANISER)
                || caller.hasRole(CompetitionAccess.UNION_ADMIN) || caller.hasRole(CompetitionAccess.ANALYST)
                || caller.hasRole(CompetitionAccess.JUDGE)) && caller.covers(competition.orgPath());
        boolean judge = !staff && context.judgeMember(caller).isPresent() && isOnPanel(competitionId, stage, caller);
        boolean entrant = !staff && !judge && caller.hasRole(CompetitionAccess.MEMBER)
                && members.findByAccount(caller.subject())
                .map(m -> !entrants.withParticipant(competitionId, m.memberId()).isEmpty()).orElse(false);
        if (!staff && !judge && !entrant) {
            throw new NotFoundException("results not found");
        }
        return results.find(competitionId, stage).orElseThrow(() -> new NotFoundException("results not published"));
    }

    private boolean isOnPanel(String competitionId, String stage, OrgPrincipal caller) {
        try {
            context.asPanelJudge(competitionId, stage, caller);
            return true;
        }
        catch (AccessDeniedException notOnPanel) {
            return false;
        }
    }

    /**
     * Makes the current version final after its appeal deadline with no appeal open, then confers titles and skill
     * levels and advances the top entries. Calling it again completes what a crash left undone and confers nothing
     * twice.
     */
    public StageResults finalise(String competitionId, String stage, OrgPrincipal caller) {
        CompetitionView competition = context.asOrganiserOrChief(competitionId, stage, caller);
        StageResults current = results.find(competitionId, stage)
                .orElseThrow(() -> new CompetitionStatusConflict("the stage's results", "NOT_PUBLISHED"));
        if (current.status() == StageResults.Status.PROVISIONAL) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            if (now.isBefore(current.current().appealDeadline())) {
                throw new CompetitionStatusConflict("the appeal window", "OPEN");
            }
            if (appeals.countOpen(competitionId, stage) > 0) {
                throw new CompetitionStatusConflict("an appeal", "OPEN");
            }
            ResultsFinalised event = new ResultsFinalised(competitionId, stage, current.version(),
                    current.current().ranking(), current.orgId(), current.orgPath(), now);
            boolean finalised = results.finalise(competitionId, stage, current.version(), now, event);
            current = results.find(competitionId, stage).orElseThrow();
            if (!finalised && current.status() != StageResults.Status.FINAL) {
                throw new CompetitionStatusConflict("the stage's results", "CHANGED");
            }
        }
        awardAndAdvance(competition, current);
        return current;
    }

    private void awardAndAdvance(CompetitionView competition, StageResults finalResults) {
        MarkingScheme scheme = schemes.find(competition.competitionId(), finalResults.stage()).orElseThrow();
        Map<String, StageEntry> entries = entrants.registeredIn(competition.competitionId(), finalResults.stage())
                .stream().collect(Collectors.toMap(StageEntry::entryId, Function.identity()));
        Instant at = finalResults.finalisedAt();
        LocalDate on = at.atZone(CHINA).toLocalDate();
        CompetitionLevel level = CompetitionLevel.valueOf(competition.level());
        for (RankedEntry ranked : finalResults.current().ranking()) {
            StageEntry entry = entries.get(ranked.entryId());
            AwardBand band = scheme.bandFor(ranked.rank()).orElse(null);
            if (entry == null || band == null) {
                continue;
            }
            if (band.title() != null) {
                conferTitles(competition, finalResults.stage(), entry, band, level, on, at);
            }
            if (band.skillLevel() != null && !"UNIT".equals(entry.entrantType())
                    && !"PROJECT".equals(entry.entrantType())) {
                for (StageEntry.Participant p : entry.participants()) {
                    String id = derivedId("certification", competition.competitionId(), finalResults.stage(),
                            entry.entryId(), p.personId());
                    awards.certify(id, p.memberId(), p.personId(), competition.competitionId(), competition.orgPath(),
                            new SkillLevelCertified(id, p.personId(), p.memberId(), entry.trade(), band.skillLevel(),
                                    Certifier.COMPETITION_RESULT, competition.competitionId(), competition.orgId(),
                                    competition.orgPath(), on, at));
                }
            }
        }
        if (scheme.advancing() != null) {
            competition.stageAfter(finalResults.stage()).ifPresent(next -> entrants.advance(
                    competition.competitionId(), finalResults.current().ranking().stream()
                            .filter(r -> r.rank() <= scheme.advancing()).map(RankedEntry::entryId).toList(), next));
        }
    }

    private void conferTitles(CompetitionView competition, String stage, StageEntry entry, AwardBand band,
                              CompetitionLevel level, LocalDate on, Instant at) {
        if ("INDIVIDUAL".equals(entry.entrantType())) {
            for (StageEntry.Participant p : entry.participants()) {
                confer(competition, stage, entry, band, level, on, at, RecipientType.INDIVIDUAL, p.memberId(),
                        p.personId(), null);
            }
        }
        else {
            RecipientType recipient = "UNIT".equals(entry.entrantType()) ? RecipientType.UNIT : RecipientType.TEAM;
            confer(competition, stage, entry, band, level, on, at, recipient, null, null, entry.unitCreditCode());
        }
    }

    private void confer(CompetitionView competition, String stage, StageEntry entry, AwardBand band,
                        CompetitionLevel level, LocalDate on, Instant at, RecipientType recipient, String memberId,
                        String personId, String unitCreditCode) {
        String id = derivedId("title", competition.competitionId(), stage, entry.entryId(),
                personId == null ? "entry" : personId);
        ConferredTitle title = new ConferredTitle(id, band.title(), level, recipient, memberId, personId,
                entry.entryId(), unitCreditCode, competition.competitionId(), stage, entry.trade(),
                competition.orgId(), competition.orgPath(), entry.orgPath(), on, at);
        awards.confer(title, new TitleConferred(id, band.title(), level, recipient, memberId, personId,
                entry.entryId(), unitCreditCode, competition.competitionId(), entry.trade(), competition.orgId(),
                competition.orgPath(), on, at));
    }

    static String derivedId(String kind, String... parts) {
        return UUID.nameUUIDFromBytes((kind + ":" + String.join(":", parts)).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
