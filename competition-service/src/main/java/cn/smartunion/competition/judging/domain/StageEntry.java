package cn.smartunion.competition.judging.domain;

import java.util.List;

/**
 * An entry as the registration feature stores it, read for judging: the union it belongs to, its participants
 * (pseudonymous ids, grassroots union and employer copied from the member directory at registration) and the stages
 * it competes in.
 */
public record StageEntry(String entryId, String competitionId, String orgId, String orgPath, String entrantType,
                         String trade, String status, List<String> stages, List<Participant> participants,
                         String unitCreditCode) {

    public static final String REGISTERED = "REGISTERED";

    public StageEntry {
        stages = stages == null ? List.of() : List.copyOf(stages);
        participants = participants == null ? List.of() : List.copyOf(participants);
    }

    public record Participant(String personId, String memberId, String orgId, String employerCreditCode,
                              boolean captain) {
    }

    public boolean registered() {
        return REGISTERED.equals(status);
    }

    public boolean hasParticipant(String memberId) {
        return memberId != null && participants.stream().anyMatch(p -> memberId.equals(p.memberId()));
    }
}
