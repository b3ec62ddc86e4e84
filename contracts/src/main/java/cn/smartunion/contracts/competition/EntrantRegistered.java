package cn.smartunion.contracts.competition;

import java.time.Instant;
import java.util.List;

/**
 * An entrant was registered for a competition (topic {@code competition.entry.v1}, key = entryId): one
 * participation per participant (参赛职工人次), one unit-entry for UNIT entries (参赛单位次). Project entries of
 * innovation contests are this event with entrantType PROJECT and their field code. Pseudonymous.
 *
 * @param orgId               the union the entry belongs to
 * @param competitionOrgPath  the organising union's path
 * @param unitCreditCode      the unit's public credit code (UNIT entries; a team's employer when known)
 * @param registeredBy        self-registration or on behalf of the entrant (帮办、代办)
 * @param advancedFromEntryId the entry of a lower-level competition this one advanced from (晋级), else null
 */
public record EntrantRegistered(
        String entryId,
        String competitionId,
        EntrantType entrantType,
        String trade,
        List<Participant> participants,
        int participantCount,
        String unitCreditCode,
        String projectFieldCode,
        RegistrarKind registeredBy,
        String orgId,
        String orgPath,
        String competitionOrgPath,
        String campaignId,
        String advancedFromEntryId,
        Instant registeredAt) {

    /** @param memberId null for a non-member */
    public record Participant(String personId, String memberId, boolean captain) {
    }
}
