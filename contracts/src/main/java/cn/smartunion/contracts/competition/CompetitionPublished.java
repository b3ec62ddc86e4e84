package cn.smartunion.contracts.competition;

import java.time.Instant;
import java.util.List;

/**
 * A competition was published: registration opens with its window (topic {@code competition.competition.v1}, key =
 * competitionId). Everything analysts count competitions by; the co-organisers only by kind.
 *
 * @param orgId          the organising union
 * @param stages         the stage codes in their order, e.g. {@code PRELIMINARY}, {@code FINAL}
 * @param minAge         the youngest age allowed on the registration close date, null for no limit
 * @param quotaPerUnion  entries each registering union may make, null for no limit
 */
public record CompetitionPublished(
        String competitionId,
        String competitionName,
        String brand,
        CompetitionType type,
        CompetitionLevel level,
        CompetitionClass competitionClass,
        String orgId,
        String orgPath,
        List<CoOrganiserKind> coOrganiserKinds,
        List<String> trades,
        List<EntrantType> entrantTypes,
        boolean membersOnly,
        List<String> groupTags,
        Integer minAge,
        Integer maxAge,
        Integer teamSizeMin,
        Integer teamSizeMax,
        Integer quotaPerUnion,
        Instant registrationOpensAt,
        Instant registrationClosesAt,
        List<String> stages,
        String campaignId,
        Instant publishedAt) {
}
