package cn.smartunion.competition.registration.application;

import cn.smartunion.competition.access.CompetitionAccess;
import cn.smartunion.competition.competition.domain.Competition;
import cn.smartunion.competition.competition.domain.CompetitionDetails;
import cn.smartunion.competition.competition.domain.Competitions;
import cn.smartunion.competition.members.domain.MemberDirectory;
import cn.smartunion.competition.members.domain.MemberView;
import cn.smartunion.competition.registration.adapter.out.mongo.OrgDirectoryByPath;
import cn.smartunion.competition.registration.domain.Entries;
import cn.smartunion.competition.registration.domain.Entry;
import cn.smartunion.competition.registration.domain.EntryRules;
import cn.smartunion.competition.registration.domain.EntryStatus;
import cn.smartunion.competition.registration.domain.Participant;
import cn.smartunion.competition.registration.domain.RegisteredBy;
import cn.smartunion.competition.web.CompetitionRuleViolation;
import cn.smartunion.competition.web.CompetitionStatusConflict;
import cn.smartunion.competition.web.NotEligible;
import cn.smartunion.competition.web.PageView;
import cn.smartunion.contracts.competition.DisqualificationReason;
import cn.smartunion.contracts.competition.EntrantType;
import cn.smartunion.contracts.competition.RegistrarKind;
import cn.smartunion.runtime.orgdirectory.OrgDirectory;
import cn.smartunion.runtime.orgdirectory.OrgDirectoryEntry;
import cn.smartunion.runtime.personaldata.CitizenIdNumber;
import cn.smartunion.runtime.personaldata.InvalidIdentifierException;
import cn.smartunion.runtime.personaldata.PersonRegistry;
import cn.smartunion.runtime.personaldata.RegisteredPerson;
import cn.smartunion.runtime.personaldata.UnifiedSocialCreditCode;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Registration of entrants: a member registers themself, a union admin or organiser registers a worker, team, unit or
 * project on their behalf (actor and subject recorded); entrants and registrars withdraw, organisers disqualify,
 * registrars change team rosters. Eligibility is checked against the member directory before anyone is written to the
 * person registry; a person's second place in the same competition and trade is refused by a unique index, so two
 * racing registrations cannot both land.
 */
@Service
public class EntryRegistration {

    private static final int ATTEMPTS = 3;

    private final Entries entries;
    private final Competitions competitions;
    private final MemberDirectory members;
    private final PersonRegistry people;
    private final OrgDirectory unions;
    private final OrgDirectoryByPath unionsByPath;
    private final Clock clock;
    private final ZoneId zone;

    EntryRegistration(Entries entries, Competitions competitions, MemberDirectory members, PersonRegistry people,
                      OrgDirectory unions, OrgDirectoryByPath unionsByPath, Clock clock,
                      @Value("${smartunion.competition.calendar.zone:Asia/Shanghai}") ZoneId zone) {
        this.entries = entries;
        this.competitions = competitions;
        this.members = members;
        this.people = people;
        this.unions = unions;
        this.unionsByPath = unionsByPath;
        this.clock = clock;
        this.zone = zone;
    }

    /** The signed-in worker enters as an individual: as the member their account is linked to, or as a non-member. */
    public Entry registerSelf(String competitionId, String citizenIdNumber, String legalName, String trade,
                              OrgPrincipal caller) {
        CompetitionAccess.requireMember(caller);
        Competition competition = openCompetition(competitionId);
        MemberView member = members.findByAccount(caller.subject()).orElse(null);
        String orgId;
        String orgPath;
        if (member != null) {
            orgId = member.orgId();
            orgPath = member.orgPath();
        } else {
            Optional<String> own = unionsByPath.activeUnionAt(caller.orgPath());
            boolean inArea = own.isPresent() && covers(competition.orgPath(), caller.orgPath());
            orgId = inArea ? own.get() : competition.orgId();
            orgPath = inArea ? caller.orgPath() : competition.orgPath();
        }
        RegisterEntry.Person person = new RegisterEntry.Person(citizenIdNumber, legalName,
                member == null ? null : member.memberId(), null, false);
        RegisterEntry command = new RegisterEntry(EntrantType.INDIVIDUAL, null, trade, null, null, null, null, null,
                List.of(person));
        return register(competition, command, orgId, orgPath, new RegisteredBy(RegistrarKind.SELF, caller.subject(),
                caller.orgPath()), member == null ? null : List.of(member));
    }

    /** A union admin or organiser registers an entrant of their subtree. */
    public Entry registerOnBehalf(String competitionId, RegisterEntry command, OrgPrincipal caller) {
        CompetitionAccess.requireRegistrar(caller);
        Competition competition = openCompetition(competitionId);
        String orgId;
        String orgPath;
        if (command.orgId() != null) {
            OrgDirectoryEntry union = unions.activeWithin("orgId", command.orgId(), caller);
            orgId = union.orgId();
            orgPath = union.path();
        } else {
            orgId = unionsByPath.activeUnionAt(caller.orgPath()).orElseThrow(() -> new CompetitionRuleViolation(
                    "orgId", "name the union the entry belongs to"));
            orgPath = caller.orgPath();
        }
        List<MemberView> known = new ArrayList<>();
        for (int i = 0; i < command.participants().size(); i++) {
            String memberId = command.participants().get(i).memberId();
            if (memberId == null) {
                known.add(null);
                continue;
            }
            MemberView member = members.find(memberId).orElseThrow(() -> new NotEligible(
                    NotEligible.Reason.NOT_A_MEMBER, null, "a participant's memberId is not a known member"));
            if (!caller.covers(member.orgPath())) {
                throw new NotEligible(NotEligible.Reason.MEMBER_OUTSIDE_REGISTRAR_SCOPE, i,
                        "participant " + i + " is a member of a union outside the registrar's area");
            }
            known.add(member);
        }
        RegistrarKind kind = caller.hasRole(CompetitionAccess.UNION_ADMIN) ? RegistrarKind.UNION_ADMIN
                : RegistrarKind.ORGANISER;
        return register(competition, command, orgId, orgPath, new RegisteredBy(kind, caller.subject(),
                caller.orgPath()), known);
    }

    private Entry register(Competition competition, RegisterEntry command, String orgId, String orgPath,
                           RegisteredBy registeredBy, List<MemberView> memberOf) {
        CompetitionDetails rules = competition.details();
        checkForm(rules, command);
        if (!covers(competition.orgPath(), orgPath)) {
            throw new NotEligible(NotEligible.Reason.OUTSIDE_ORGANISER_AREA,
                    "the entrant's union lies outside the organiser's area");
        }
        LocalDate closesOn = LocalDate.ofInstant(rules.window().closesAt(), zone);
        List<CitizenIdNumber> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < command.participants().size(); i++) {
            CitizenIdNumber id = citizenId(participantField(registeredBy, i),
                    command.participants().get(i).citizenIdNumber());
            if (!seen.add(id.value())) {
                throw new CompetitionRuleViolation("participants[" + i + "].citizenIdNumber",
                        "the same person is named twice");
            }
            ids.add(id);
        }
        for (int i = 0; i < ids.size(); i++) {
            MemberView member = memberOf == null || memberOf.size() <= i ? null : memberOf.get(i);
            EntryRules.check(rules.eligibility(), i, ids.get(i).birthDate(), member, closesOn);
        }
        List<Participant> participants = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            RegisterEntry.Person p = command.participants().get(i);
            MemberView member = memberOf == null || memberOf.size() <= i ? null : memberOf.get(i);
            RegisteredPerson person = people.register(participantField(registeredBy, i), p.citizenIdNumber(),
                    p.legalName());
            String employer = member != null && member.employerCreditCode() != null ? member.employerCreditCode()
                    : creditCode("participants[" + i + "].employerCreditCode", p.employerCreditCode());
            participants.add(new Participant(person.personId(), member == null ? null : member.memberId(),
                    member == null ? null : member.orgId(), employer, p.captain(), person.maskedName(),
                    person.maskedIdNumber()));
        }
        Entry entry = Entry.register(UUID.randomUUID().toString(), competition.id(), competition.orgPath(), orgId,
                orgPath, command.entrantType(), command.trade(), rules.firstStage(), participants,
                new Entry.Details(blankToNull(command.teamName()),
                        creditCode("unitCreditCode", command.unitCreditCode()), blankToNull(command.unitName()),
                        blankToNull(command.projectTitle()), command.projectFieldCode()),
                registeredBy, null, clock.instant());
        Integer quota = rules.quotaPerUnion();
        if (quota != null && !competitions.takeQuota(competition.id(), orgId, quota)) {
            throw new NotEligible(NotEligible.Reason.QUOTA_EXHAUSTED,
                    "the union has used up its entry quota for this competition");
        }
        try {
            entries.add(entry, List.of(entry.registered(rules.campaignId())));
        } catch (Entries.AlreadyRegistered taken) {
            releaseQuota(competition, orgId);
            throw alreadyRegistered(entry);
        } catch (RuntimeException failed) {
            releaseQuota(competition, orgId);
            throw failed;
        }
        return entry;
    }

    /** The entrant themself (SELF) or a registrar of the entry's union withdraws it while the competition runs. */
    public Entry withdraw(String entryId, OrgPrincipal caller) {
        Entry found = visible(entryId, caller);
        RegistrarKind by;
        if (isRegistrar(caller) && caller.covers(found.orgPath())) {
            by = caller.hasRole(CompetitionAccess.UNION_ADMIN) ? RegistrarKind.UNION_ADMIN : RegistrarKind.ORGANISER;
        } else if (caller.hasRole(CompetitionAccess.MEMBER) && ownedBy(found, caller)) {
            by = RegistrarKind.SELF;
        } else {
            throw new AccessDeniedException("only the entrant or a registrar of the entry's union may withdraw it");
        }
        Competition competition = competition(found.competitionId());
        Entry withdrawn = change(entryId, caller, e -> {
            competition.requireRunning();
            return List.of(e.withdraw(by, caller.subject(), clock.instant()));
        });
        releaseQuota(competition, withdrawn.orgId());
        return withdrawn;
    }

    /** The organiser of the entry's competition disqualifies it (final; the participants keep their places). */
    public Entry disqualify(String entryId, DisqualificationReason reason, OrgPrincipal caller) {
        CompetitionAccess.requireOrganiser(caller);
        Entry found = visible(entryId, caller);
        caller.requireCovers(found.competitionOrgPath(), "entry not found");
        Competition competition = competition(found.competitionId());
        return change(entryId, caller, e -> {
            competition.requireRunning();
            return List.of(e.disqualify(reason, caller.subject(), clock.instant()));
        });
    }

    /** A registrar of the entry's union replaces one team or project member while registration is open. */
    public Entry replaceParticipant(String entryId, int index, RegisterEntry.Person newcomer, OrgPrincipal caller) {
        CompetitionAccess.requireRegistrar(caller);
        Entry found = visible(entryId, caller);
        caller.requireCovers(found.orgPath(), "entry not found");
        Competition competition = competition(found.competitionId());
        competition.requireRegistrationOpen(clock.instant());
        MemberView member = null;
        if (newcomer.memberId() != null) {
            member = members.find(newcomer.memberId()).orElseThrow(() -> new NotEligible(
                    NotEligible.Reason.NOT_A_MEMBER, index, "the memberId is not a known member"));
            if (!caller.covers(member.orgPath())) {
                throw new NotEligible(NotEligible.Reason.MEMBER_OUTSIDE_REGISTRAR_SCOPE, index,
                        "the new participant is a member of a union outside the registrar's area");
            }
        }
        CitizenIdNumber id = citizenId("citizenIdNumber", newcomer.citizenIdNumber());
        EntryRules.check(competition.details().eligibility(), index, id.birthDate(), member,
                LocalDate.ofInstant(competition.details().window().closesAt(), zone));
        RegisteredPerson person = people.register("participant", newcomer.citizenIdNumber(), newcomer.legalName());
        String employer = member != null && member.employerCreditCode() != null ? member.employerCreditCode()
                : creditCode("employerCreditCode", newcomer.employerCreditCode());
        Participant participant = new Participant(person.personId(), member == null ? null : member.memberId(),
                member == null ? null : member.orgId(), employer, false, person.maskedName(), person.maskedIdNumber());
        try {
            return change(entryId, caller, e -> List.of(e.replaceParticipant(index, participant, clock.instant())));
        } catch (Entries.AlreadyRegistered taken) {
            throw new NotEligible(NotEligible.Reason.ALREADY_REGISTERED, index,
                    "the new participant is registered for this competition and trade already");
        }
    }

    /**
     * Staff (registrar, organiser, judge, analyst) within the subtree of the entry's union or of the competition's
     * organiser; the signed-in worker for their own entries. Anything else is not found.
     */
    public Entry get(String entryId, OrgPrincipal caller) {
        return visible(entryId, caller);
    }

    /** The entries of a competition, for its organiser. */
    public PageView<Entry> listForCompetition(String competitionId, Entries.Filter wanted, OrgPrincipal caller,
                                              int page, int size) {
        CompetitionAccess.requireOrganiser(caller);
        Competition competition = competition(competitionId);
        caller.requireCovers(competition.orgPath(), "competition not found");
        Entries.Filter filter = new Entries.Filter(competitionId, wanted.status(), wanted.trade(),
                wanted.entrantType(), wanted.withinOrgPath(), null, null);
        return new PageView<>(entries.list(filter, page, size), page, size, entries.count(filter));
    }

    /**
     * The entries of the unions in the caller's subtree, whichever competition they entered and whoever organises it:
     * a county sees what its own unions entered. For union admins, organisers and analysts; the scope is part of the
     * query.
     */
    public PageView<Entry> listWithinScope(Entries.Filter wanted, OrgPrincipal caller, int page, int size) {
        if (!isRegistrar(caller) && !(caller.hasOrgPath() && caller.hasRole(CompetitionAccess.ANALYST))) {
            throw new AccessDeniedException("this needs one of the roles " + CompetitionAccess.UNION_ADMIN + ", "
                    + CompetitionAccess.ORGANISER + ", " + CompetitionAccess.ANALYST);
        }
        Entries.Filter filter = new Entries.Filter(wanted.competitionId(), wanted.status(), wanted.trade(),
                wanted.entrantType(), caller.orgPath(), null, null);
        return new PageView<>(entries.list(filter, page, size), page, size, entries.count(filter));
    }

    /** The signed-in worker's own entries: registered by their account, or naming their member record. */
    public PageView<Entry> mine(OrgPrincipal caller, int page, int size) {
        CompetitionAccess.requireMember(caller);
        String memberId = members.findByAccount(caller.subject()).map(MemberView::memberId).orElse(null);
        Entries.Filter filter = new Entries.Filter(null, null, null, null, null, caller.subject(), memberId);
        return new PageView<>(entries.list(filter, page, size), page, size, entries.count(filter));
    }

    Entry visible(String entryId, OrgPrincipal caller) {
        boolean staff = caller.hasOrgPath() && (isRegistrar(caller) || caller.hasRole(CompetitionAccess.JUDGE)
                || caller.hasRole(CompetitionAccess.ANALYST));
        boolean member = caller.hasRole(CompetitionAccess.MEMBER);
        if (!staff && !member) {
            throw new AccessDeniedException("this needs a competition staff role or the member role");
        }
        Optional<Entry> found = staff ? entries.findWithin(entryId, caller.orgPath()) : Optional.empty();
        if (found.isEmpty() && member) {
            String memberId = members.findByAccount(caller.subject()).map(MemberView::memberId).orElse(null);
            found = entries.findOwn(entryId, caller.subject(), memberId);
        }
        return found.orElseThrow(() -> new NotFoundException("entry not found"));
    }

    private boolean ownedBy(Entry entry, OrgPrincipal caller) {
        if (entry.registeredBy().kind() == RegistrarKind.SELF && caller.subject().equals(entry.registeredBy()
                .subject())) {
            return true;
        }
        return members.findByAccount(caller.subject()).map(m -> entry.hasParticipantMember(m.memberId()))
                .orElse(false);
    }

    private Entry change(String entryId, OrgPrincipal caller, Function<Entry, List<Object>> action) {
        for (int attempt = 1; ; attempt++) {
            Entry entry = entries.find(entryId).orElseThrow(() -> new NotFoundException("entry not found"));
            List<Object> events = action.apply(entry);
            try {
                entries.update(entry, events);
                return entry;
            } catch (Entries.ConcurrentChange raced) {
                if (attempt >= ATTEMPTS) {
                    throw new CompetitionStatusConflict("the entry was changed meanwhile; it", entry.status().name());
                }
            }
        }
    }

    private void checkForm(CompetitionDetails rules, RegisterEntry command) {
        EntrantType type = command.entrantType();
        if (!rules.takes(type)) {
            throw new CompetitionRuleViolation("entrantType", "the competition does not take " + type + " entries");
        }
        int count = command.participants().size();
        switch (type) {
            case INDIVIDUAL -> {
                if (count != 1) {
                    throw new CompetitionRuleViolation("participants", "an individual entry names one participant");
                }
            }
            case TEAM, PROJECT -> {
                CompetitionDetails.TeamSize size = rules.teamSize() == null ? CompetitionDetails.DEFAULT_TEAM_SIZE
                        : rules.teamSize();
                if (count < (type == EntrantType.PROJECT ? 1 : size.min()) || count > size.max()) {
                    throw new CompetitionRuleViolation("participants", "the team must have " + size.min() + " to "
                            + size.max() + " participants");
                }
                long captains = command.participants().stream().filter(RegisterEntry.Person::captain).count();
                if (type == EntrantType.TEAM && captains != 1) {
                    throw new CompetitionRuleViolation("participants", "a team names exactly one captain");
                }
                if (type == EntrantType.TEAM && blankToNull(command.teamName()) == null) {
                    throw new CompetitionRuleViolation("teamName", "a team entry needs a team name");
                }
                if (type == EntrantType.PROJECT && (blankToNull(command.projectTitle()) == null
                        || command.projectFieldCode() == null)) {
                    throw new CompetitionRuleViolation("projectTitle", "a project entry needs a title and a field code");
                }
            }
            case UNIT -> {
                if (command.unitCreditCode() == null || blankToNull(command.unitName()) == null) {
                    throw new CompetitionRuleViolation("unitCreditCode", "a unit entry names the unit by its unified "
                            + "social credit code and name");
                }
            }
        }
        if (command.trade() == null && !rules.trades().isEmpty()
                && (type == EntrantType.INDIVIDUAL || type == EntrantType.TEAM)) {
            throw new CompetitionRuleViolation("trade", "the competition contests trades: name the entrant's trade");
        }
        if (command.trade() != null && !rules.contests(command.trade())) {
            throw new NotEligible(NotEligible.Reason.TRADE_NOT_CONTESTED, "the trade is not contested here");
        }
    }

    private Competition openCompetition(String competitionId) {
        Competition competition = competition(competitionId);
        competition.requireRegistrationOpen(clock.instant());
        return competition;
    }

    /** Published competitions are public; a draft is not found for registration. */
    private Competition competition(String competitionId) {
        return competitions.find(competitionId).filter(Competition::isPublic)
                .orElseThrow(() -> new NotFoundException("competition not found"));
    }

    private void releaseQuota(Competition competition, String orgId) {
        if (competition.details().quotaPerUnion() != null) {
            competitions.releaseQuota(competition.id(), orgId);
        }
    }

    private NotEligible alreadyRegistered(Entry entry) {
        int index = entries.firstTakenPlace(entry);
        return new NotEligible(NotEligible.Reason.ALREADY_REGISTERED, index < 0 ? null : index,
                "a participant is registered for this competition and trade already");
    }

    private static boolean isRegistrar(OrgPrincipal caller) {
        return caller.hasOrgPath() && (caller.hasRole(CompetitionAccess.ORGANISER)
                || caller.hasRole(CompetitionAccess.UNION_ADMIN));
    }

    private static boolean covers(String scope, String path) {
        return path != null && (path.equals(scope) || path.startsWith(scope + "/"));
    }

    private static String participantField(RegisteredBy by, int i) {
        return by.kind() == RegistrarKind.SELF ? "entrant" : "participants[" + i + "]";
    }

    private CitizenIdNumber citizenId(String field, String text) {
        String name = field.endsWith("citizenIdNumber") ? field : field + ".citizenIdNumber";
        if ("entrant.citizenIdNumber".equals(name)) {
            name = "citizenIdNumber";
        }
        try {
            return CitizenIdNumber.parse(text, clock);
        } catch (InvalidIdentifierException invalid) {
            throw new CompetitionRuleViolation(name, "is not a valid citizen ID number", invalid);
        } catch (RuntimeException missing) {
            throw new CompetitionRuleViolation(name, "a citizen ID number is required");
        }
    }

    private static String creditCode(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!UnifiedSocialCreditCode.isValid(text)) {
            throw new CompetitionRuleViolation(field, "is not a valid unified social credit code");
        }
        return UnifiedSocialCreditCode.parse(text).value();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
