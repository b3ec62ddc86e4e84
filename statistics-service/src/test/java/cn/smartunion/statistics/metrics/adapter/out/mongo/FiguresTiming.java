package cn.smartunion.statistics.metrics.adapter.out.mongo;

import cn.smartunion.contracts.EventType;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.runtime.scope.OrgPrincipal;
import cn.smartunion.runtime.testing.MongoWireServer;
import cn.smartunion.statistics.config.StatisticsProperties;
import cn.smartunion.statistics.facts.adapter.out.mongo.MongoFacts;
import cn.smartunion.statistics.facts.domain.EventFacts;
import cn.smartunion.statistics.facts.domain.Fact;
import cn.smartunion.statistics.metrics.application.FigureQueries;
import cn.smartunion.statistics.metrics.application.UnionTree;
import cn.smartunion.statistics.metrics.domain.Metric;
import cn.smartunion.statistics.metrics.domain.Period;
import cn.smartunion.statistics.report.application.ReportQueries;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Not a test (surefire does not pick it up by name): times the figures and the report page's computations on about
 * 260,000 facts in the Mongo wire server, a province of 20 cities and 100 counties with 200,000 members. Run it on
 * purpose: {@code ./mvnw -o -q -pl statistics-service -am verify -Dtest=FiguresTiming
 * -Dsurefire.failIfNoSpecifiedTests=false} and read its output in
 * {@code statistics-service/target/surefire-reports/*FiguresTiming-output.txt}.
 */
class FiguresTiming {

    private static final String PROVINCE = "P";
    private static final int CITIES = 20;
    private static final int COUNTIES_PER_CITY = 5;
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    private static final int DAYS = 3 * 365;

    private final Random random = new Random(8);
    private final List<Document> batch = new ArrayList<>();
    private int facts;

    @Test
    void timeFiguresByUnionAndTheReportOnAQuarterMillionFacts() {
        try (MongoWireServer server = MongoWireServer.start();
             MongoClient client = MongoClients.create(server.connectionString("timing"))) {
            MongoTemplate mongo = new MongoTemplate(client, "timing");
            new MongoFacts(mongo);
            StatisticsProperties properties = new StatisticsProperties(null, null, null, null, null);
            MongoMetricComputation computation = new MongoMetricComputation(mongo, properties);

            long loading = System.nanoTime();
            generate(mongo);
            print(String.format("facts: %,d inserted in %.1f s", facts, seconds(loading)));
            print(String.format("machine: %d cpus, load average %.1f, %s %s, max heap %d MB",
                    Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    System.getProperty("java.vm.name"), System.getProperty("java.version"),
                    Runtime.getRuntime().maxMemory() >> 20));

            Period year = Period.year(2026);
            computation.compute(Metric.MEMBERS, PROVINCE, year);

            Map<Metric, Double> perMetric = new LinkedHashMap<>();
            long all = System.nanoTime();
            for (Metric metric : Metric.values()) {
                long one = System.nanoTime();
                computation.compute(metric, PROVINCE, year);
                perMetric.put(metric, seconds(one));
            }
            print(String.format("figures (all %d metrics, province, 2026): %.2f s", Metric.values().length,
                    seconds(all)));
            perMetric.entrySet().stream().sorted(Map.Entry.<Metric, Double>comparingByValue().reversed()).limit(8)
                    .forEach(e -> print(String.format("  %-45s %.3f s", e.getKey().code(), e.getValue())));

            // the member stock as it was computed before (sort every standing fact, take each member's last) beside
            // the current $max of one comparable text per fact, alternately, on the same data
            List<Document> sortThenLast = List.of(
                    new Document("$match", new Document("kind", new Document("$in", List.of(
                            EventTypes.MEMBER_ACTIVATED.type(), EventTypes.MEMBER_TRANSFERRED.type(),
                            EventTypes.MEMBERSHIP_RETAINED.type(), EventTypes.MEMBERSHIP_REINSTATED.type(),
                            EventTypes.MEMBERSHIP_TERMINATED.type())))
                            .append("on", new Document("$lte", "2026-12-31"))),
                    new Document("$sort", new Document("on", 1).append("at", 1)),
                    new Document("$group", new Document("_id", "$subjectId")
                            .append("standing", new Document("$last", "$code"))
                            .append("orgPath", new Document("$last", "$orgPath"))),
                    new Document("$match", new Document("standing", new Document("$in",
                            List.of(EventFacts.ACTIVE, EventFacts.RETAINED)))
                            .append("orgPath", new Document("$regex", "^P(/|$)"))),
                    new Document("$group", new Document("_id", null).append("n", new Document("$sum", 1))));
            for (int round = 1; round <= 2; round++) {
                long current = System.nanoTime();
                Object members = computation.compute(Metric.MEMBERS, PROVINCE, year).value();
                double currentSeconds = seconds(current);
                long before = System.nanoTime();
                Object membersBefore = mongo.getCollection(MongoFacts.COLLECTION).aggregate(sortThenLast).first()
                        .get("n");
                double beforeSeconds = seconds(before);
                print(String.format("members stock (province) round %d: $max of one text %.2f s (%s), $sort then "
                        + "$last %.2f s (%s)", round, currentSeconds, members, beforeSeconds, membersBefore));
            }

            List<String> cities = new ArrayList<>();
            for (int c = 1; c <= CITIES; c++) {
                cities.add(city(c));
            }
            for (Metric metric : List.of(Metric.MEMBERS, Metric.NEW_MEMBERS, Metric.AID_FUNDS,
                    Metric.PARTICIPANT_TIMES)) {
                // the member stock one city at a time takes minutes here: its one-pass figures are checked by tests
                boolean cityByCity = metric != Metric.MEMBERS;
                long oneByOne = System.nanoTime();
                Map<String, Object> each = new LinkedHashMap<>();
                for (String city : cityByCity ? cities : List.<String>of()) {
                    each.put(city, computation.compute(metric, city, year).value());
                }
                double eachSeconds = seconds(oneByOne);
                long onePass = System.nanoTime();
                Map<String, Object> grouped = new LinkedHashMap<>();
                computation.computeByChild(metric, PROVINCE, cities, year)
                        .forEach((city, figure) -> grouped.put(city, figure.value()));
                double onePassSeconds = seconds(onePass);
                print(String.format("by-union %s (20 cities): one city at a time %.2f s, one pass %.2f s, same "
                        + "figures: %s", metric.code(), eachSeconds, onePassSeconds,
                        cityByCity ? String.valueOf(each.equals(grouped)) : "not compared"));
            }
            long months = System.nanoTime();
            computation.computeByMonth(Metric.NEW_MEMBERS, PROVINCE, 2026);
            print(String.format("new members by month (province, 2026, one pass): %.2f s", seconds(months)));

            UnionTree tree = new Tree();
            FigureQueries figures = new FigureQueries(computation, tree, Clock.systemUTC(), properties);
            ReportQueries report = new ReportQueries(figures, computation, tree);
            OrgPrincipal analyst = new OrgPrincipal("timing", "timing", PROVINCE, Set.of("analyst"));
            long page = System.nanoTime();
            report.report(analyst, PROVINCE, "2026");
            print(String.format("report (province, 2026): %.2f s", seconds(page)));
            long county = System.nanoTime();
            report.report(analyst, city(3) + "/K2", "2026");
            print(String.format("report (one county, 2026): %.2f s", seconds(county)));
        }
    }

    /** To the console and, line by line, to target/figures-timing.txt (surefire keeps the console until the end). */
    private static void print(String line) {
        System.out.println(line);
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "figures-timing.txt"), line + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void generate(MongoTemplate mongo) {
        int members = 200_000;
        for (int i = 0; i < members; i++) {
            String county = county();
            LocalDate on = day();
            add(mongo, fact(EventTypes.MEMBER_ACTIVATED, county, on).subject("m" + i).person(Fact.member("m" + i))
                    .code(EventFacts.ACTIVE).channel(random.nextInt(10) == 0 ? "COLLECTIVE_REGISTRATION" : "QR_CODE")
                    .flag(random.nextInt(20) != 0)
                    .tags(random.nextInt(10) == 0 ? List.of("NEW_FORM_WORKER") : List.of()).build());
        }
        for (int i = 0; i < 3_000; i++) {
            add(mongo, fact(EventTypes.MEMBER_TRANSFERRED, county(), LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365)))
                    .subject("m" + random.nextInt(members)).code(EventFacts.ACTIVE).build());
        }
        for (int i = 0; i < 4_000; i++) {
            add(mongo, fact(EventTypes.MEMBERSHIP_TERMINATED, county(), LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365)))
                    .subject("m" + random.nextInt(members)).code(EventFacts.TERMINATED).build());
        }
        for (int i = 0; i < 10_000; i++) {
            add(mongo, fact(EventTypes.AID_DISBURSED, county(), day()).subject("d" + i)
                    .amountFen(50_000 + random.nextInt(500_000)).code("HARDSHIP").channel("OWN_FUNDS").build());
        }
        for (int i = 0; i < 15_000; i++) {
            add(mongo, fact(EventTypes.CONDOLENCE_DELIVERED, county(), day()).subject("c" + i)
                    .person(Fact.member("m" + random.nextInt(members))).count(1).amountFen(20_000).code("WINTER")
                    .build());
        }
        for (int i = 0; i < 3_000; i++) {
            add(mongo, fact(EventTypes.HARDSHIP_CASE_FILED, county(), day()).subject("h" + i)
                    .household("hh" + random.nextInt(2_500)).code("DEEP").build());
        }
        for (int i = 0; i < 5_000; i++) {
            String county = county();
            LocalDate on = day();
            add(mongo, fact(EventTypes.DISPUTE_CASE_OPENED, county, on).subject("k" + i)
                    .persons(List.of("P:w" + random.nextInt(8_000), "P:w" + random.nextInt(8_000)))
                    .amountFen(800_000).count(2).build());
            if (i % 5 != 0) {
                add(mongo, fact(EventTypes.DISPUTE_CASE_CLOSED, county, on.plusDays(30)).subject("k" + i)
                        .amountFen(random.nextInt(600_000)).count(2).code("MEDIATION_AGREEMENT").build());
            }
            if (i % 2 == 0) {
                add(mongo, fact(EventTypes.MEDIATION_SESSION_HELD, county, on.plusDays(10)).subject("k" + i)
                        .code("UNION").build());
                add(mongo, fact(i % 4 == 0 ? EventTypes.MEDIATION_AGREEMENT_REACHED : EventTypes.MEDIATION_FAILED,
                        county, on.plusDays(20)).subject("k" + i).build());
            }
        }
        for (int i = 0; i < 4_000; i++) {
            String county = county();
            LocalDate on = day();
            add(mongo, fact(EventTypes.WORK_ORDER_CREATED, county, on).subject("o" + i).code("COMPLAINT")
                    .channel(i % 3 == 0 ? "APP" : "PHONE").build());
            if (i % 4 != 0) {
                add(mongo, fact(EventTypes.WORK_ORDER_RESOLVED, county, on.plusDays(3)).subject("o" + i)
                        .amountFen(0).code("ANSWERED").flag(true).build().withCohortOn(on));
            }
        }
        for (int i = 0; i < 5_000; i++) {
            String county = county();
            LocalDate on = day();
            add(mongo, fact(EventTypes.ENTRANT_REGISTERED, county, on).subject("e" + i).count(1 + random.nextInt(5))
                    .unit("U" + random.nextInt(1_500)).code("INDIVIDUAL").build());
            if (i % 17 == 0) {
                add(mongo, fact(EventTypes.ENTRY_WITHDRAWN, county, on.plusDays(5)).subject("e" + i).build());
            }
        }
        for (int i = 0; i < 500; i++) {
            add(mongo, fact(EventTypes.HONOUR_CONFERRED, county(), day()).subject("hn" + i).code("MODEL_WORKER")
                    .build());
        }
        for (int i = 0; i < 200; i++) {
            add(mongo, fact(EventTypes.INNOVATION_STUDIO_REGISTERED, county(), day()).subject("st" + i)
                    .code("CITY").flag(true).build());
        }
        flush(mongo);
    }

    private Fact.Builder fact(EventType type, String orgPath, LocalDate on) {
        return Fact.of("f" + facts, type.type(), orgPath, on, on.atTime(10, 0).toInstant(ZoneOffset.ofHours(8)));
    }

    private void add(MongoTemplate mongo, Fact fact) {
        batch.add(MongoFacts.toDocument(fact));
        facts++;
        if (batch.size() == 5_000) {
            flush(mongo);
        }
    }

    private void flush(MongoTemplate mongo) {
        if (!batch.isEmpty()) {
            mongo.getCollection(MongoFacts.COLLECTION).insertMany(batch);
            batch.clear();
        }
    }

    private String county() {
        return city(1 + random.nextInt(CITIES)) + "/K" + (1 + random.nextInt(COUNTIES_PER_CITY));
    }

    private static String city(int c) {
        return PROVINCE + "/C" + (c < 10 ? "0" + c : String.valueOf(c));
    }

    private LocalDate day() {
        return FIRST_DAY.plusDays(random.nextInt(DAYS));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** The province, its 20 cities and their counties, as the org directory would list them. */
    private static final class Tree implements UnionTree {

        @Override
        public Optional<Union> byPath(String path) {
            return Optional.of(new Union("org-" + path, path + "总工会", "FEDERATION", path, false));
        }

        @Override
        public List<Union> childrenOf(String path) {
            List<Union> children = new ArrayList<>();
            int depth = path.split("/").length;
            int count = depth == 1 ? CITIES : depth == 2 ? COUNTIES_PER_CITY : 0;
            for (int i = 1; i <= count; i++) {
                String child = depth == 1 ? city(i) : path + "/K" + i;
                children.add(new Union("org-" + child, child + "总工会", "FEDERATION", child, false));
            }
            return children;
        }
    }
}
