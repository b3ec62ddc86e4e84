package cn.smartunion.competition.registration.application;

import cn.smartunion.competition.competition.application.CompetitionOrganisation;
import cn.smartunion.competition.competition.domain.Competition;
import cn.smartunion.competition.competition.domain.Competitions;
import cn.smartunion.competition.registration.domain.Entries;
import cn.smartunion.competition.registration.domain.Entry;
import cn.smartunion.competition.registration.domain.EntryStatus;
import cn.smartunion.competition.registration.domain.RegisteredBy;
import cn.smartunion.competition.web.CompetitionRuleViolation;
import cn.smartunion.competition.web.CompetitionStatusConflict;
import cn.smartunion.competition.web.NotEligible;
import cn.smartunion.contracts.competition.RegistrarKind;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Advancement between levels (晋级): the organiser of a higher-level competition enters registered entries of
 * lower-level competitions into theirs, with the same participants. Idempotent per (source entry, target
 * competition): a unique index lets only one such entry exist, and a repeat answers the entry made first. All source
 * entries are checked before any is advanced; a failure part-way leaves the ones done, which a retry finds.
 */
@Service
public class EntrantAdvancement {

    private final Entries entries;
    private final Competitions competitions;
    private final CompetitionOrganisation organisation;
    private final Clock clock;

    EntrantAdvancement(Entries entries, Competitions competitions, CompetitionOrganisation organisation, Clock clock) {
        this.entries = entries;
        this.competitions = competitions;
        this.organisation = organisation;
        this.clock = clock;
    }

    /** @param created false when the source entry had been advanced into the target before */
    public record Advanced(String sourceEntryId, Entry entry, boolean created) {
    }

    public List<Advanced> advance(String targetId, List<String> sourceEntryIds, OrgPrincipal caller) {
        Competition target = organisation.organisedBy(targetId, caller);
        target.requireRunning();
        List<Entry> sources = new ArrayList<>();
        List<Competition> fromCompetitions = new ArrayList<>();
        for (int i = 0; i < sourceEntryIds.size(); i++) {
            String field = "sourceEntryIds[" + i + "]";
            Entry source = entries.findWithin(sourceEntryIds.get(i), caller.orgPath())
                    .orElseThrow(() -> new NotFoundException("entry not found"));
            Competition from = competitions.find(source.competitionId())
                    .orElseThrow(() -> new NotFoundException("competition not found"));
            if (from.id().equals(target.id()) || !target.isAbove(from.details().level())) {
                throw new CompetitionRuleViolation(field, "the entry's competition must be of a lower level than "
                        + target.details().level());
            }
            if (!target.details().takes(source.entrantType())) {
                throw new CompetitionRuleViolation(field, "the competition does not take " + source.entrantType()
                        + " entries");
            }
            if (source.trade() != null && !target.details().trades().isEmpty()
                    && !target.details().contests(source.trade())) {
                throw new NotEligible(NotEligible.Reason.TRADE_NOT_CONTESTED, "the entry's trade is not contested in "
                        + "the higher-level competition");
            }
            boolean done = entries.findAdvanced(target.id(), source.id()).isPresent();
            if (!done && source.status() != EntryStatus.REGISTERED) {
                throw new CompetitionStatusConflict("the entry " + field, source.status().name());
            }
            sources.add(source);
            fromCompetitions.add(from);
        }
        RegisteredBy organiser = new RegisteredBy(RegistrarKind.ORGANISER, caller.subject(), caller.orgPath());
        List<Advanced> results = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            Entry source = sources.get(i);
            var existing = entries.findAdvanced(target.id(), source.id());
            if (existing.isPresent()) {
                results.add(new Advanced(source.id(), existing.get(), false));
                continue;
            }
            Entry advanced = source.advanceInto(UUID.randomUUID().toString(), target.id(), target.orgPath(),
                    target.details().firstStage(), organiser, clock.instant());
            try {
                entries.add(advanced, List.of(advanced.registered(target.details().campaignId()),
                        source.advanced(advanced, fromCompetitions.get(i).details().level(),
                                target.details().level())));
                results.add(new Advanced(source.id(), advanced, true));
            } catch (Entries.AlreadyAdvanced raced) {
                results.add(new Advanced(source.id(), entries.findAdvanced(target.id(), source.id()).orElseThrow(),
                        false));
            } catch (Entries.AlreadyRegistered taken) {
                int index = entries.firstTakenPlace(advanced);
                throw new NotEligible(NotEligible.Reason.ALREADY_REGISTERED, index < 0 ? null : index,
                        "a participant of " + "sourceEntryIds[" + i + "] is registered in the competition already");
            }
        }
        return results;
    }
}
