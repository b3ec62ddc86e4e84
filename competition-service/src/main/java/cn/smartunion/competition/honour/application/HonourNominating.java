package cn.smartunion.competition.honour.application;

import cn.smartunion.competition.access.CompetitionAccess;
import cn.smartunion.competition.honour.domain.Nomination;
import cn.smartunion.competition.honour.domain.Nominations;
import cn.smartunion.competition.honour.domain.Recipient;
import cn.smartunion.competition.honour.domain.Selection;
import cn.smartunion.competition.members.domain.MemberDirectory;
import cn.smartunion.competition.members.domain.MemberView;
import cn.smartunion.competition.web.CompetitionRuleViolation;
import cn.smartunion.competition.web.CompetitionStatusConflict;
import cn.smartunion.competition.web.NotEligible;
import cn.smartunion.competition.web.PageView;
import cn.smartunion.contracts.competition.HonourApproved;
import cn.smartunion.runtime.orgdirectory.OrgDirectory;
import cn.smartunion.runtime.orgdirectory.OrgDirectoryEntry;
import cn.smartunion.runtime.personaldata.PersonRegistry;
import cn.smartunion.runtime.personaldata.PersonalDataProtector;
import cn.smartunion.runtime.personaldata.RegisteredPerson;
import cn.smartunion.runtime.problem.ConflictException;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * OrgDirectory nominate recipients into a selection of a union above them (or their own), within its window and quota; the
 * conferring union approves or rejects each nomination (never the nominator: maker-checker); the nominating union may
 * withdraw one while pending.
 */
@Service
public class HonourNominating {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final SelectionRounds rounds;
    private final Nominations nominations;
    private final MemberDirectory members;
    private final PersonRegistry people;
    private final PersonalDataProtector protector;
    private final OrgDirectory unions;
    private final Clock clock;

    HonourNominating(SelectionRounds rounds, Nominations nominations, MemberDirectory members, PersonRegistry people,
                     PersonalDataProtector protector, OrgDirectory unions, Clock clock) {
        this.rounds = rounds;
        this.nominations = nominations;
        this.members = members;
        this.people = people;
        this.protector = protector;
        this.unions = unions;
        this.clock = clock;
    }

    /** Exactly the part for the selection's recipient type is given: a member or a person, a team, or a unit. */
    public record Nominate(String orgId, String memberId, PersonRef person, TeamRef team, UnitRef unit,
                           boolean frontline, List<String> groupTags, String citation) {

        @Override
        public String toString() {
            return "Nominate[" + orgId + "]";
        }
    }

    public record PersonRef(String citizenIdNumber, String legalName) {

        @Override
        public String toString() {
            return "PersonRef[***]";
        }
    }

    public record TeamRef(String name, String unitCreditCode, List<String> memberIds) {
    }

    public record UnitRef(String creditCode, String name) {
    }

    /** A nomination with what its reader may see of the recipient and the citation. */
    public record Found(Nomination nomination, RegisteredPerson person, String citation) {
    }

    public Nomination nominate(String selectionId, Nominate command, OrgPrincipal caller) {
        CompetitionAccess.requireRegistrar(caller);
        Selection selection = rounds.visible(selectionId, caller);
        OrgDirectoryEntry org = unions.activeWithin("orgId", command.orgId(), caller);
        if (!(org.path().equals(selection.orgPath()) || org.path().startsWith(selection.orgPath() + "/"))) {
            throw new CompetitionRuleViolation("orgId", "the nominating union must be the selection's union or below it");
        }
        selection.requireTakingNominations(LocalDate.now(clock.withZone(CHINA)));
        List<String> tags = new ArrayList<>(command.groupTags() == null ? List.of() : command.groupTags());
        Recipient recipient = switch (selection.recipientType()) {
            case INDIVIDUAL -> individual(command, caller, tags);
            case TEAM -> team(command, caller);
            case UNIT -> unit(command);
        };
        String citation = command.citation() == null || command.citation().isBlank() ? null
                : protector.encrypt(command.citation().strip());
        Nomination nomination = Nomination.nominate(UUID.randomUUID().toString(), selection, org.orgId(), org.path(),
                recipient, command.frontline(), tags.stream().distinct().toList(), citation, caller.subject(),
                clock.instant());
        if (selection.quotaPerUnion() != null) {
            nominations.claimQuota(selection.id(), org.orgId(), selection.quotaPerUnion());
        }
        try {
            nominations.add(nomination, nomination.nominated());
        }
        catch (Nominations.AlreadyNominated duplicate) {
            if (selection.quotaPerUnion() != null) {
                nominations.releaseQuota(selection.id(), org.orgId());
            }
            throw new ConflictException(duplicate.getMessage());
        }
        return nomination;
    }

    public Nomination withdraw(String id, OrgPrincipal caller) {
        CompetitionAccess.requireRegistrar(caller);
        Nomination nomination = find(id, caller);
        nomination.withdraw(caller.subject(), clock.instant());
        store(nomination, null, caller);
        nominations.releaseQuota(nomination.selectionId(), nomination.orgId());
        return nomination;
    }

    /** Approves, or rejects with a reason; the conferring union's staff only, and not the nominator. */
    public Nomination decide(String id, boolean approve, String reason, OrgPrincipal caller) {
        CompetitionAccess.requireRegistrar(caller);
        Nomination nomination = find(id, caller);
        SelectionRounds.requireConferringUnion(caller, nomination.conferringOrgPath());
        rounds.visible(nomination.selectionId(), caller).requireOpen();
        Instant now = clock.instant();
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        HonourApproved approved = null;
        if (approve) {
            approved = nomination.approve(caller.subject(), why, now);
        }
        else {
            nomination.reject(caller.subject(), why, now);
        }
        store(nomination, approved, caller);
        return nomination;
    }

    public Found get(String id, OrgPrincipal caller) {
        CompetitionAccess.requireReader(caller);
        Nomination nomination = find(id, caller);
        boolean staff = caller.hasRole(CompetitionAccess.ORGANISER) || caller.hasRole(CompetitionAccess.UNION_ADMIN);
        return new Found(nomination, person(nomination.recipient()),
                staff && nomination.citationCiphertext() != null ? protector.decrypt(nomination.citationCiphertext())
                        : null);
    }

    public PageView<Found> list(OrgPrincipal caller, Nominations.Filter filter, int page, int size) {
        CompetitionAccess.requireReader(caller);
        return new PageView<>(nominations.listWithin(caller.orgPath(), filter, page, size).stream()
                .map(n -> new Found(n, person(n.recipient()), null)).toList(), page, size,
                nominations.countWithin(caller.orgPath(), filter));
    }

    RegisteredPerson person(Recipient recipient) {
        return recipient.personId() == null ? null : people.get(recipient.personId()).orElse(null);
    }

    private void store(Nomination nomination, Object event, OrgPrincipal caller) {
        try {
            nominations.update(nomination, event);
        }
        catch (Nominations.ConcurrentChange lost) {
            throw new CompetitionStatusConflict("the nomination", find(nomination.id(), caller).status().name());
        }
    }

    private Nomination find(String id, OrgPrincipal caller) {
        if (!caller.hasOrgPath()) {
            throw new NotFoundException("nomination not found");
        }
        return nominations.findWithin(id, caller.orgPath())
                .orElseThrow(() -> new NotFoundException("nomination not found"));
    }

    private Recipient individual(Nominate command, OrgPrincipal caller, List<String> tags) {
        onlyFor("individuals", command.team() == null && command.unit() == null);
        if ((command.memberId() == null) == (command.person() == null)) {
            throw new CompetitionRuleViolation("memberId", "give either a member id or a person (citizen ID and name)");
        }
        if (command.memberId() != null) {
            MemberView member = memberWithin(command.memberId(), caller, "memberId");
            tags.addAll(member.groupTags());
            return Recipient.member(member.memberId());
        }
        RegisteredPerson person = people.register("person", command.person().citizenIdNumber(),
                command.person().legalName());
        return Recipient.person(person.personId());
    }

    private Recipient team(Nominate command, OrgPrincipal caller) {
        onlyFor("teams", command.memberId() == null && command.person() == null && command.unit() == null);
        TeamRef team = command.team();
        if (team == null) {
            throw new CompetitionRuleViolation("team", "a team (name and unit credit code) is required");
        }
        List<String> memberIds = team.memberIds() == null ? List.of() : team.memberIds().stream().distinct().toList();
        for (int i = 0; i < memberIds.size(); i++) {
            memberWithin(memberIds.get(i), caller, "team.memberIds[" + i + "]");
        }
        return Recipient.team(team.name().strip(), CreditCodes.parse("team.unitCreditCode", team.unitCreditCode()),
                memberIds);
    }

    private Recipient unit(Nominate command) {
        onlyFor("units", command.memberId() == null && command.person() == null && command.team() == null);
        UnitRef unit = command.unit();
        if (unit == null) {
            throw new CompetitionRuleViolation("unit", "a unit (credit code and name) is required");
        }
        return Recipient.unit(CreditCodes.parse("unit.creditCode", unit.creditCode()), unit.name().strip());
    }

    private static void onlyFor(String recipients, boolean ok) {
        if (!ok) {
            throw new CompetitionRuleViolation("recipient", "this honour is conferred on " + recipients
                    + " only: give just that recipient");
        }
    }

    private MemberView memberWithin(String memberId, OrgPrincipal caller, String field) {
        MemberView member = members.find(memberId).filter(m -> caller.covers(m.orgPath()))
                .orElseThrow(() -> new NotFoundException("member not found"));
        if (!member.isMember()) {
            throw new NotEligible(NotEligible.Reason.MEMBERSHIP_NOT_ACTIVE, "the membership of " + field
                    + " has ended");
        }
        return member;
    }
}
