package cn.smartunion.contracts;

import cn.smartunion.contracts.competition.AppealDecided;
import cn.smartunion.contracts.competition.AppealLodged;
import cn.smartunion.contracts.competition.ResultsFinalised;
import cn.smartunion.contracts.competition.ResultsPublished;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One conforming payload of every competition-service event type for judging, results and appeals, naming every property of
 * its schema (nullable ones too), with the record producers serialise. In this module's test-jar for the services' tests.
 */
public final class JudgingEventSamples {

    private static final Map<EventType, String> SAMPLES = new LinkedHashMap<>();
    private static final Map<EventType, Class<? extends Record>> RECORDS = new LinkedHashMap<>();

    static {
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

    private JudgingEventSamples() {
    }
}
