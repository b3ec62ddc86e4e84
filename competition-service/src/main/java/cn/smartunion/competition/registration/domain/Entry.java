package cn.smartunion.competition.registration.domain;

import cn.smartunion.competition.web.CompetitionRuleViolation;
import cn.smartunion.competition.web.CompetitionStatusConflict;
import cn.smartunion.contracts.competition.CompetitionLevel;
import cn.smartunion.contracts.competition.DisqualificationReason;
import cn.smartunion.contracts.competition.EntrantAdvanced;
import cn.smartunion.contracts.competition.EntrantRegistered;
import cn.smartunion.contracts.competition.EntrantType;
import cn.smartunion.contracts.competition.EntryDisqualified;
import cn.smartunion.contracts.competition.EntryWithdrawn;
import cn.smartunion.contracts.competition.RegistrarKind;
import cn.smartunion.contracts.competition.TeamRosterChanged;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One entrant of a competition: a worker, a team (班组), a unit or a project, with its real-name participants. It
 * belongs to a union ({@code orgId/orgPath}, the scope staff see it in) and records who registered it. While
 * REGISTERED, or once DISQUALIFIED, it holds a registration key per participant ({@link #registrationKeys()}): a
 * unique index on them keeps a person from entering the same competition and trade twice, even when two
 * registrations race. Withdrawing gives the keys up.
 */
public final class Entry {

    private final String id;
    private final String competitionId;
    private final String competitionOrgPath;
    private final String orgId;
    private final String orgPath;
    private final EntrantType entrantType;
    private final String trade;
    private EntryStatus status;
    private final List<String> stages;
    private List<Participant> participants;
    private final Details details;
    private final RegisteredBy registeredBy;
    private final Instant registeredAt;
    private final String advancedFromEntryId;
    private Ending ending;
    private final Long version;

    /** What names the entrant besides its participants; all organisations or titles, never people. */
    public record Details(String teamName, String unitCreditCode, String unitName, String projectTitle,
                          String projectFieldCode) {
    }

    /** How the entry ended: withdrawn by whom, or disqualified with a reason. */
    public record Ending(RegistrarKind withdrawnBy, DisqualificationReason disqualification, String actor,
                         Instant at) {
    }

    public Entry(String id, String competitionId, String competitionOrgPath, String orgId, String orgPath,
                 EntrantType entrantType, String trade, EntryStatus status, List<String> stages,
                 List<Participant> participants, Details details, RegisteredBy registeredBy, Instant registeredAt,
                 String advancedFromEntryId, Ending ending, Long version) {
        this.id = id;
        this.competitionId = competitionId;
        this.competitionOrgPath = competitionOrgPath;
        this.orgId = orgId;
        this.orgPath = orgPath;
        this.entrantType = entrantType;
        this.trade = trade;
        this.status = status;
        this.stages = List.copyOf(stages);
        this.participants = List.copyOf(participants);
        this.details = details;
        this.registeredBy = registeredBy;
        this.registeredAt = registeredAt;
        this.advancedFromEntryId = advancedFromEntryId;
        this.ending = ending;
        this.version = version;
    }

    public static Entry register(String id, String competitionId, String competitionOrgPath, String orgId,
                                 String orgPath, EntrantType entrantType, String trade, String firstStage,
                                 List<Participant> participants, Details details, RegisteredBy registeredBy,
                                 String advancedFromEntryId, Instant now) {
        return new Entry(id, competitionId, competitionOrgPath, orgId, orgPath, entrantType, trade,
                EntryStatus.REGISTERED, List.of(firstStage), participants, details, registeredBy, now,
                advancedFromEntryId, null, null);
    }

    public EntrantRegistered registered(String campaignId) {
        return new EntrantRegistered(id, competitionId, entrantType, trade, participants.stream()
                .map(p -> new EntrantRegistered.Participant(p.personId(), p.memberId(), p.captain())).toList(),
                participants.size(), details.unitCreditCode(), details.projectFieldCode(), registeredBy.kind(), orgId,
                orgPath, competitionOrgPath, campaignId, advancedFromEntryId, registeredAt);
    }

    /** The same entrant entered into a higher-level competition (晋级), announced with both events. */
    public Entry advanceInto(String newId, String targetCompetitionId, String targetOrgPath, String firstStage,
                             RegisteredBy organiser, Instant now) {
        requireRegistered();
        return register(newId, targetCompetitionId, targetOrgPath, orgId, orgPath, entrantType, trade, firstStage,
                participants, details, organiser, id, now);
    }

    public EntrantAdvanced advanced(Entry into, CompetitionLevel fromLevel, CompetitionLevel toLevel) {
        return new EntrantAdvanced(id, competitionId, fromLevel, into.competitionId, toLevel, into.id,
                participants.size(), orgId, orgPath, into.registeredAt);
    }

    public EntryWithdrawn withdraw(RegistrarKind by, String actor, Instant now) {
        requireRegistered();
        status = EntryStatus.WITHDRAWN;
        ending = new Ending(by, null, actor, now);
        return new EntryWithdrawn(id, competitionId, by, participants.size(), orgId, orgPath, now);
    }

    public EntryDisqualified disqualify(DisqualificationReason reason, String actor, Instant now) {
        requireRegistered();
        status = EntryStatus.DISQUALIFIED;
        ending = new Ending(null, reason, actor, now);
        return new EntryDisqualified(id, competitionId, reason, participants.size(), orgId, orgPath, now);
    }

    /** Replaces the team or project member at {@code index}; the newcomer takes over their captaincy. */
    public TeamRosterChanged replaceParticipant(int index, Participant newcomer, Instant now) {
        requireRegistered();
        if (entrantType != EntrantType.TEAM && entrantType != EntrantType.PROJECT) {
            throw new CompetitionRuleViolation("entrantType", "only team and project rosters change");
        }
        if (index < 0 || index >= participants.size()) {
            throw new CompetitionRuleViolation("index", "there is no participant at this index");
        }
        Participant leaving = participants.get(index);
        for (int i = 0; i < participants.size(); i++) {
            if (i != index && participants.get(i).personId().equals(newcomer.personId())) {
                throw new CompetitionRuleViolation("citizenIdNumber", "the person is already on this team");
            }
        }
        List<Participant> roster = new ArrayList<>(participants);
        roster.set(index, newcomer.asCaptain(leaving.captain()));
        participants = List.copyOf(roster);
        return new TeamRosterChanged(id, competitionId, leaving.personId(), newcomer.personId(), newcomer.memberId(),
                participants.size(), orgId, orgPath, now);
    }

    /** {@code competitionId|trade|personId} per participant while the entry holds its places. */
    public List<String> registrationKeys() {
        if (status == EntryStatus.WITHDRAWN) {
            return List.of();
        }
        return participants.stream().map(p -> registrationKey(competitionId, trade, p.personId())).toList();
    }

    public static String registrationKey(String competitionId, String trade, String personId) {
        return competitionId + "|" + (trade == null ? "-" : trade) + "|" + personId;
    }

    public boolean hasParticipantMember(String memberId) {
        return memberId != null && participants.stream().anyMatch(p -> memberId.equals(p.memberId()));
    }

    private void requireRegistered() {
        if (status != EntryStatus.REGISTERED) {
            throw new CompetitionStatusConflict("the entry", status.name());
        }
    }

    public String id() { return id; }
    public String competitionId() { return competitionId; }
    public String competitionOrgPath() { return competitionOrgPath; }
    public String orgId() { return orgId; }
    public String orgPath() { return orgPath; }
    public EntrantType entrantType() { return entrantType; }
    public String trade() { return trade; }
    public EntryStatus status() { return status; }
    public List<String> stages() { return stages; }
    public List<Participant> participants() { return participants; }
    public Details details() { return details; }
    public RegisteredBy registeredBy() { return registeredBy; }
    public Instant registeredAt() { return registeredAt; }
    public String advancedFromEntryId() { return advancedFromEntryId; }
    public Ending ending() { return ending; }
    public Long version() { return version; }
}
