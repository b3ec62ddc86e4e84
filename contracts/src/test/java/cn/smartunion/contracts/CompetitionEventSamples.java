package cn.smartunion.contracts;

import cn.smartunion.contracts.competition.CompetitionCancelled;
import cn.smartunion.contracts.competition.CompetitionPublished;
import cn.smartunion.contracts.competition.EntrantAdvanced;
import cn.smartunion.contracts.competition.EntrantRegistered;
import cn.smartunion.contracts.competition.EntryDisqualified;
import cn.smartunion.contracts.competition.EntryWithdrawn;
import cn.smartunion.contracts.competition.TeamRosterChanged;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One conforming payload of every competition-service event type for competitions-and-registration, naming every property of
 * its schema (nullable ones too), with the record producers serialise. In this module's test-jar for the services' tests.
 */
public final class CompetitionEventSamples {

    private static final Map<EventType, String> SAMPLES = new LinkedHashMap<>();
    private static final Map<EventType, Class<? extends Record>> RECORDS = new LinkedHashMap<>();

    static {
        sample(EventTypes.COMPETITION_PUBLISHED, CompetitionPublished.class, """
                {"competitionId":"c-1","competitionName":"2026年十堰市焊工职业技能竞赛","brand":"车城工匠杯",
                 "type":"SKILLS","level":"CITY","competitionClass":"SECOND","orgId":"o-1","orgPath":"420000/420300",
                 "coOrganiserKinds":["HR_DEPARTMENT"],"trades":["WELDER","ELECTRICIAN"],
                 "entrantTypes":["INDIVIDUAL","TEAM"],"membersOnly":true,"groupTags":["MIGRANT_WORKER"],
                 "minAge":18,"maxAge":60,"teamSizeMin":3,"teamSizeMax":5,"quotaPerUnion":null,
                 "registrationOpensAt":"2026-05-01T00:00:00Z","registrationClosesAt":"2026-05-31T16:00:00Z",
                 "stages":["PRELIMINARY","FINAL"],"campaignId":null,"publishedAt":"2026-04-20T02:00:00Z"}""");
        sample(EventTypes.COMPETITION_CANCELLED, CompetitionCancelled.class, """
                {"competitionId":"c-1","orgId":"o-1","orgPath":"420000/420300","wasPublished":true,
                 "cancelledAt":"2026-05-02T02:00:00Z"}""");
        sample(EventTypes.ENTRANT_REGISTERED, EntrantRegistered.class, """
                {"entryId":"e-1","competitionId":"c-1","entrantType":"TEAM","trade":"WELDER",
                 "participants":[{"personId":"p-1","memberId":"m-1","captain":true},
                                 {"personId":"p-2","memberId":null,"captain":false}],
                 "participantCount":2,"unitCreditCode":null,"projectFieldCode":null,"registeredBy":"UNION_ADMIN",
                 "orgId":"o-2","orgPath":"420000/420300/420322","competitionOrgPath":"420000/420300",
                 "campaignId":null,"advancedFromEntryId":null,"registeredAt":"2026-05-03T02:00:00Z"}""");
        sample(EventTypes.TEAM_ROSTER_CHANGED, TeamRosterChanged.class, """
                {"entryId":"e-1","competitionId":"c-1","removedPersonId":"p-2","addedPersonId":"p-3",
                 "addedMemberId":null,"participantCount":2,"orgId":"o-2","orgPath":"420000/420300/420322",
                 "changedAt":"2026-05-04T02:00:00Z"}""");
        sample(EventTypes.ENTRY_WITHDRAWN, EntryWithdrawn.class, """
                {"entryId":"e-1","competitionId":"c-1","withdrawnBy":"SELF","participantCount":1,"orgId":"o-2",
                 "orgPath":"420000/420300/420322","withdrawnAt":"2026-05-05T02:00:00Z"}""");
        sample(EventTypes.ENTRY_DISQUALIFIED, EntryDisqualified.class, """
                {"entryId":"e-1","competitionId":"c-1","reason":"FALSIFIED_ELIGIBILITY","participantCount":1,
                 "orgId":"o-2","orgPath":"420000/420300/420322","disqualifiedAt":"2026-05-06T02:00:00Z"}""");
        sample(EventTypes.ENTRANT_ADVANCED, EntrantAdvanced.class, """
                {"entryId":"e-1","fromCompetitionId":"c-1","fromLevel":"CITY","toCompetitionId":"c-2",
                 "toLevel":"PROVINCIAL","newEntryId":"e-9","participantCount":1,"orgId":"o-2",
                 "orgPath":"420000/420300/420322","advancedAt":"2026-06-10T02:00:00Z"}""");
    }

    private static void sample(EventType type, Class<? extends Record> record, String json) {
        SAMPLES.put(type, json);
        RECORDS.put(type, record);
    }

    public static Map<EventType, String> all() {
        return Collections.unmodifiableMap(SAMPLES);
    }

    public static Map<EventType, Class<? extends Record>> records() {
        return Collections.unmodifiableMap(RECORDS);
    }

    public static String of(EventType type) {
        String sample = SAMPLES.get(type);
        if (sample == null) {
            throw new IllegalArgumentException("no sample for " + type.type());
        }
        return sample;
    }

    private CompetitionEventSamples() {
    }
}
