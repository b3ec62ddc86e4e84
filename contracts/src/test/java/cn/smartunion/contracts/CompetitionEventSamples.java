package cn.smartunion.contracts;

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
