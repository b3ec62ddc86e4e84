package cn.smartunion.contracts;

import cn.smartunion.contracts.competition.AppealDecided;
import cn.smartunion.contracts.competition.AppealLodged;
import cn.smartunion.contracts.competition.CompetitionCancelled;
import cn.smartunion.contracts.competition.CompetitionPublished;
import cn.smartunion.contracts.competition.EntrantAdvanced;
import cn.smartunion.contracts.competition.EntrantRegistered;
import cn.smartunion.contracts.competition.EntryDisqualified;
import cn.smartunion.contracts.competition.EntryWithdrawn;
import cn.smartunion.contracts.competition.HonourApproved;
import cn.smartunion.contracts.competition.HonourConferred;
import cn.smartunion.contracts.competition.HonourNominated;
import cn.smartunion.contracts.competition.HonourRevoked;
import cn.smartunion.contracts.competition.InnovationBenefitRecorded;
import cn.smartunion.contracts.competition.InnovationEvaluated;
import cn.smartunion.contracts.competition.InnovationStudioRegistered;
import cn.smartunion.contracts.competition.InnovationSubmitted;
import cn.smartunion.contracts.competition.ResultsFinalised;
import cn.smartunion.contracts.competition.ResultsPublished;
import cn.smartunion.contracts.competition.ScoresFinalised;
import cn.smartunion.contracts.competition.SkillLevelCertified;
import cn.smartunion.contracts.competition.StudioLevelChanged;
import cn.smartunion.contracts.competition.StudioReviewed;
import cn.smartunion.contracts.competition.TeamRosterChanged;
import cn.smartunion.contracts.competition.TitleConferred;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One conforming payload of every competition-service event type, naming every property of its schema (nullable ones
 * too), with the record producers serialise. In this module's test-jar for the services' tests.
 */
public final class CompetitionEventSamples {

    private static final Map<EventType, String> SAMPLES = new LinkedHashMap<>();
    private static final Map<EventType, Class<? extends Record>> RECORDS = new LinkedHashMap<>();

    static {
        // competitions and registration
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

        // judging, results and appeals
        sample(EventTypes.RESULTS_PUBLISHED, ResultsPublished.class, """
                {"competitionId":"c-1","stage":"FINAL","version":1,"provisional":true,
                 "ranking":[{"entryId":"e-1","rank":1,"totalMarks":91.25,"prizeClass":"FIRST"},
                            {"entryId":"e-2","rank":2,"totalMarks":80.5,"prizeClass":null}],
                 "appealDeadline":"2026-11-21T10:00:00Z","orgId":"o-1","orgPath":"420000/420300",
                 "publishedAt":"2026-11-21T08:00:00Z"}""");
        sample(EventTypes.RESULTS_FINALISED, ResultsFinalised.class, """
                {"competitionId":"c-1","stage":"FINAL","version":2,
                 "ranking":[{"entryId":"e-1","rank":1,"totalMarks":91.25,"prizeClass":"FIRST"}],
                 "orgId":"o-1","orgPath":"420000/420300","finalisedAt":"2026-11-21T12:00:00Z"}""");
        sample(EventTypes.APPEAL_LODGED, AppealLodged.class, """
                {"appealId":"a-1","competitionId":"c-1","stage":"FINAL","entryId":"e-2","resultsVersion":1,
                 "criteria":["WELD_QUALITY"],"orgId":"o-2","orgPath":"420000/420300/420322",
                 "lodgedAt":"2026-11-21T09:00:00Z"}""");
        sample(EventTypes.APPEAL_DECIDED, AppealDecided.class, """
                {"appealId":"a-1","competitionId":"c-1","stage":"FINAL","entryId":"e-2","outcome":"UPHELD",
                 "correctionCount":1,"orgId":"o-2","orgPath":"420000/420300/420322",
                 "decidedAt":"2026-11-21T09:30:00Z"}""");
        sample(EventTypes.SCORES_FINALISED, ScoresFinalised.class, """
                {"competitionId":"c-1","stage":"FINAL","entryId":"e-1","totalMarks":86.67,"ledgerSeq":9,
                 "ledgerHash":"3f1c0a9e5b7d2c4f6a8e0b1d3c5f7a9e2b4d6f8a0c1e3b5d7f9a2c4e6b8d0f1a",
                 "orgId":"o-1","orgPath":"420000/420300","finalisedAt":"2026-11-21T07:40:00Z"}""");

        // titles, certifications, honours and innovation
        sample(EventTypes.TITLE_CONFERRED, TitleConferred.class, """
                {"titleId":"t-1","title":"TECH_CHAMPION","level":"CITY","recipientType":"INDIVIDUAL","memberId":"m-1",
                 "personId":"p-1","entryId":"e-1","unitCreditCode":null,"competitionId":"c-1","trade":"WELDER",
                 "orgId":"o-1","orgPath":"420000/420300","conferredOn":"2026-11-21",
                 "conferredAt":"2026-11-21T08:00:00Z"}""");
        sample(EventTypes.SKILL_LEVEL_CERTIFIED, SkillLevelCertified.class, """
                {"certificationId":"sc-1","personId":"p-1","memberId":"m-1","trade":"WELDER","level":"TECHNICIAN",
                 "certifier":"COMPETITION_RESULT","competitionId":"c-1","orgId":"o-1","orgPath":"420000/420300",
                 "certifiedOn":"2026-11-21","recordedAt":"2026-11-21T08:00:00Z"}""");
        sample(EventTypes.HONOUR_CONFERRED, HonourConferred.class, """
                {"honourId":"h-1","type":"MODEL_WORKER","level":"PROVINCIAL","cycle":"2021-2025",
                 "recipientType":"INDIVIDUAL","memberId":"m-1","personId":"p-1","teamId":null,"unitCreditCode":null,
                 "frontline":true,"groupTags":["MIGRANT_WORKER"],"orgId":"o-1","orgPath":"420000/420300",
                 "conferringOrgPath":"420000","conferredOn":"2026-04-28","conferredAt":"2026-04-28T02:00:00Z"}""");
        sample(EventTypes.HONOUR_REVOKED, HonourRevoked.class, """
                {"honourId":"h-1","type":"MODEL_WORKER","level":"PROVINCIAL","recipientType":"INDIVIDUAL",
                 "memberId":"m-1","personId":"p-1","teamId":null,"unitCreditCode":null,"reason":"MISCONDUCT",
                 "orgId":"o-1","orgPath":"420000/420300","revokedOn":"2027-01-05","revokedAt":"2027-01-05T02:00:00Z"}""");
        sample(EventTypes.HONOUR_NOMINATED, HonourNominated.class, """
                {"nominationId":"n-1","selectionId":"s-1","type":"WORKERS_PIONEER","level":"PROVINCIAL",
                 "cycle":"2026","recipientType":"TEAM","memberId":null,"personId":null,"teamId":"team-1",
                 "unitCreditCode":"91420300MA4K0AB12X","frontline":true,"groupTags":[],"orgId":"o-1",
                 "orgPath":"420000/420300","conferringOrgPath":"420000","nominatedAt":"2026-03-01T02:00:00Z"}""");
        sample(EventTypes.HONOUR_APPROVED, HonourApproved.class, """
                {"nominationId":"n-1","selectionId":"s-1","type":"MODEL_WORKER","level":"PROVINCIAL",
                 "cycle":"2021-2025","recipientType":"INDIVIDUAL","memberId":"m-1","personId":null,"teamId":null,
                 "unitCreditCode":null,"frontline":true,"orgId":"o-1","orgPath":"420000/420300",
                 "conferringOrgPath":"420000","approvedAt":"2026-04-01T02:00:00Z"}""");
        sample(EventTypes.INNOVATION_SUBMITTED, InnovationSubmitted.class, """
                {"innovationId":"i-1","type":"SMALL_INNOVATION","unitCreditCode":"91420300MA4K0AB12X",
                 "authorCount":3,"memberIds":["m-1","m-2"],"patent":false,"byMember":true,"orgId":"o-1",
                 "orgPath":"420000/420300","submittedAt":"2026-03-01T02:00:00Z"}""");
        sample(EventTypes.INNOVATION_EVALUATED, InnovationEvaluated.class, """
                {"innovationId":"i-1","type":"RATIONALISATION_PROPOSAL","outcome":"ADOPTED",
                 "unitCreditCode":"91420300MA4K0AB12X","authorCount":1,"orgId":"o-1","orgPath":"420000/420300",
                 "evaluatedOn":"2026-03-10","evaluatedAt":"2026-03-10T02:00:00Z"}""");
        sample(EventTypes.INNOVATION_BENEFIT_RECORDED, InnovationBenefitRecorded.class, """
                {"innovationId":"i-1","type":"TECHNICAL_INNOVATION","unitCreditCode":"91420300MA4K0AB12X",
                 "revision":2,"benefitFen":12000000,"previousBenefitFen":8000000,"periodFrom":"2026-01-01",
                 "periodTo":"2026-12-31","verifiedOn":"2027-01-15","orgId":"o-1","orgPath":"420000/420300",
                 "recordedAt":"2027-01-15T02:00:00Z"}""");
        sample(EventTypes.INNOVATION_STUDIO_REGISTERED, InnovationStudioRegistered.class, """
                {"studioId":"st-1","level":"CITY","demonstration":false,"unitCreditCode":"91420300MA4K0AB12X",
                 "leaderMemberId":"m-1","alliance":null,"foundedOn":"2024-05-01","reviewPeriodMonths":24,
                 "nextReviewDue":"2026-05-01","fundingGrantedFen":null,"orgId":"o-1","orgPath":"420000/420300",
                 "registeredAt":"2026-03-01T02:00:00Z"}""");
        sample(EventTypes.STUDIO_LEVEL_CHANGED, StudioLevelChanged.class, """
                {"studioId":"st-1","fromLevel":"CITY","toLevel":"PROVINCIAL","effectiveOn":"2026-06-01",
                 "orgId":"o-1","orgPath":"420000/420300","changedAt":"2026-06-01T02:00:00Z"}""");
        sample(EventTypes.STUDIO_REVIEWED, StudioReviewed.class, """
                {"studioId":"st-1","level":"PROVINCIAL","rating":"EXCELLENT","reviewedOn":"2026-06-01",
                 "nextReviewDue":"2028-06-01","closed":false,"fundingGrantedFen":500000,"orgId":"o-1",
                 "orgPath":"420000/420300","reviewedAt":"2026-06-01T02:00:00Z"}""");
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
