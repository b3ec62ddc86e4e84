package cn.smartunion.contracts;

import cn.smartunion.contracts.competition.HonourConferred;
import cn.smartunion.contracts.competition.HonourRevoked;
import cn.smartunion.contracts.competition.SkillLevelCertified;
import cn.smartunion.contracts.competition.TitleConferred;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One conforming payload of every competition-service event type for titles, certifications, honours and innovation, naming every property of
 * its schema (nullable ones too), with the record producers serialise. In this module's test-jar for the services' tests.
 */
public final class HonourEventSamples {

    private static final Map<EventType, String> SAMPLES = new LinkedHashMap<>();
    private static final Map<EventType, Class<? extends Record>> RECORDS = new LinkedHashMap<>();

    static {
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

    private HonourEventSamples() {
    }
}
