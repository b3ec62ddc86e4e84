package cn.smartunion.competition.honour.application;

import cn.smartunion.competition.access.CompetitionAccess;
import cn.smartunion.competition.honour.domain.Honour;
import cn.smartunion.competition.honour.domain.Honours;
import cn.smartunion.competition.honour.domain.Nomination;
import cn.smartunion.competition.honour.domain.Nominations;
import cn.smartunion.competition.honour.domain.Selection;
import cn.smartunion.competition.honour.domain.SelectionStatus;
import cn.smartunion.competition.honour.domain.Selections;
import cn.smartunion.competition.web.PageView;
import cn.smartunion.contracts.competition.HonourLevel;
import cn.smartunion.contracts.competition.HonourType;
import cn.smartunion.runtime.orgdirectory.OrgDirectory;
import cn.smartunion.runtime.orgdirectory.OrgDirectoryEntry;
import cn.smartunion.runtime.problem.ConflictException;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Selection rounds: a union opens one for an honour and a cycle, and at the conference confers every approved
 * nomination of it. Conferring is idempotent: each honour's id derives from its nomination and the round is closed
 * last, so a repeated or resumed conferral records nothing twice.
 */
@Service
public class SelectionRounds {

    private static final int BATCH = 200;

    private final Selections selections;
    private final Nominations nominations;
    private final Honours honours;
    private final OrgDirectory unions;
    private final Clock clock;

    SelectionRounds(Selections selections, Nominations nominations, Honours honours, OrgDirectory unions, Clock clock) {
        this.selections = selections;
        this.nominations = nominations;
        this.honours = honours;
        this.unions = unions;
        this.clock = clock;
    }

    public record OpenSelection(String orgId, HonourType type, HonourLevel level, String cycle,
                                LocalDate nominationOpens, LocalDate nominationCloses, Integer quotaPerUnion,
                                Double minFrontlineShare) {
    }

    public record Conferral(String selectionId, LocalDate conferredOn, long honours) {
    }

    public Selection open(OpenSelection command, OrgPrincipal caller) {
        CompetitionAccess.requireRegistrar(caller);
        OrgDirectoryEntry org = unions.activeWithin("orgId", command.orgId(), caller);
        Selection selection = Selection.open(UUID.randomUUID().toString(), org.orgId(), org.path(), command.type(),
                command.level(), command.cycle(), command.nominationOpens(), command.nominationCloses(),
                command.quotaPerUnion(), command.minFrontlineShare(), caller.subject(), clock.instant());
        try {
            selections.add(selection);
        }
        catch (Selections.Duplicate duplicate) {
            throw new ConflictException(duplicate.getMessage());
        }
        return selection;
    }

    public Selection get(String id, OrgPrincipal caller) {
        CompetitionAccess.requireReader(caller);
        return visible(id, caller);
    }

    public PageView<Selection> list(OrgPrincipal caller, HonourType type, String cycle, int page, int size) {
        CompetitionAccess.requireReader(caller);
        return new PageView<>(selections.listVisible(caller.orgPath(), type, cycle, page, size), page, size,
                selections.countVisible(caller.orgPath(), type, cycle));
    }

    /**
     * Confers every approved nomination on {@code conferredOn}, once the frontline share holds.
     *
     * @throws cn.smartunion.competition.honour.domain.FrontlineShareNotMet when it does not
     */
    public Conferral confer(String id, LocalDate conferredOn, OrgPrincipal caller) {
        CompetitionAccess.requireRegistrar(caller);
        Selection selection = visible(id, caller);
        requireConferringUnion(caller, selection.orgPath());
        if (selection.status() == SelectionStatus.CONFERRED) {
            return new Conferral(id, selection.conferredOn(), honours.countOfSelection(id));
        }
        selection.requireFrontlineShare(nominations.countApprovedIndividuals(id, true),
                nominations.countApprovedIndividuals(id, false));
        Instant now = clock.instant();
        String after = null;
        List<Nomination> batch;
        do {
            batch = nominations.approvedOrConferred(id, after, BATCH);
            for (Nomination nomination : batch) {
                Honour honour = Honour.confer(nomination, conferredOn, now);
                honours.addIfAbsent(honour, honour.conferred());
                nominations.markConferred(nomination.id());
                after = nomination.id();
            }
        } while (batch.size() == BATCH);
        if (!selections.markConferred(id, conferredOn)) {
            Selection concurrent = visible(id, caller);
            return new Conferral(id, concurrent.conferredOn(), honours.countOfSelection(id));
        }
        return new Conferral(id, conferredOn, honours.countOfSelection(id));
    }

    Selection visible(String id, OrgPrincipal caller) {
        if (!caller.hasOrgPath()) {
            throw new NotFoundException("selection not found");
        }
        return selections.findVisible(id, caller.orgPath())
                .orElseThrow(() -> new NotFoundException("selection not found"));
    }

    /** Decisions on a selection are the conferring union's, or a union's above it. */
    static void requireConferringUnion(OrgPrincipal caller, String conferringOrgPath) {
        if (!caller.covers(conferringOrgPath)) {
            throw new AccessDeniedException("only the conferring union or a union above it decides on this selection");
        }
    }
}
