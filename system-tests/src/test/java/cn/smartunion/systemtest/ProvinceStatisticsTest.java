package cn.smartunion.systemtest;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.smartunion.systemtest.province.GeneratedProvince;
import cn.smartunion.systemtest.province.GeneratedProvince.City;
import cn.smartunion.systemtest.province.GeneratedProvince.County;
import cn.smartunion.systemtest.province.ProvinceDriver;
import cn.smartunion.systemtest.province.ProvinceFigures;
import cn.smartunion.systemtest.province.ProvinceFigures.Expected;
import cn.smartunion.systemtest.suite.ConsumerGroups;
import cn.smartunion.systemtest.suite.Deployable;
import cn.smartunion.systemtest.suite.HeadlessChromium;
import cn.smartunion.systemtest.suite.Http;
import cn.smartunion.systemtest.suite.Suite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A generated province (seeded: 20 cities, 100 counties, 200 grassroots unions, {@value #DEFAULT_MEMBERS} members by
 * default and thousands of aid, rights and competition events) driven through the gateway into the real services;
 * statistics-service, reading only the event streams, must answer the figures the generator's own record gives, for
 * the province, every city and sampled counties; a replay of every topic from offset 0 leaves every figure as it was;
 * a county analyst sees the county and nothing beside it; and the report page renders the province in a real
 * headless Chromium (screenshot and PDF in {@code target/province/}).
 *
 * <p>{@code -Dsmartunion.province.members=200000} drives the full-size province (about ten minutes of roster import
 * on a 2-core machine); {@code -Dsmartunion.province.seed} picks another province.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProvinceStatisticsTest {

    static final int DEFAULT_MEMBERS = 10_000;
    private static final int MEMBERS = Integer.getInteger("smartunion.province.members", DEFAULT_MEMBERS);
    private static final long SEED = Long.getLong("smartunion.province.seed", 20_261_122L);
    private static final String STATISTICS = "/api/statistics/v1";
    private static final String FACT_GROUPS = "statistics-service.facts.";

    private static Suite suite;
    private static GeneratedProvince province;
    private static String period;
    private static Map<String, JsonNode> before;
    private static List<County> sampledCounties;
    private static Map<String, JsonNode> counted;

    @BeforeAll
    static void driveTheProvince() {
        suite = Suite.shared();
        period = Integer.toString(LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear());
        province = GeneratedProvince.generate(SEED, MEMBERS, 20, 5);
        before = byMetric(figures(GeneratedProvince.PROVINCE_PATH));
        Random pick = new Random(SEED);
        List<County> counties = new ArrayList<>(province.counties());
        java.util.Collections.shuffle(counties, pick);
        sampledCounties = counties.subList(0, 5);

        ProvinceDriver driver = new ProvinceDriver(suite, province);
        long started = System.nanoTime();
        step("unions registered", driver::registerUnions, started);
        step(MEMBERS + " members enrolled", driver::enrolMembers, started);
        step("disputes handled", driver::handleDisputes, started);
        step("12351 orders received", driver::receiveWorkOrders, started);
        step("competitions entered", driver::runCompetitions, started);
        // last: deliveries to members wait until aid-service has read the members enrolled above
        step("summer campaigns delivered", driver::runSummerCampaigns, started);
        System.out.printf("PROVINCE seed %d: %d cities, %d counties, %d members, %d calls through the gateway%n",
                SEED, province.cities().size(), province.counties().size(), MEMBERS, driver.calls());
    }

    @Test
    @Order(1)
    void statisticsComputedFromTheStreamsEqualTheGeneratorsOwnFigures() {
        Map<String, Expected> wholeProvince = ProvinceFigures.ofProvince(province);
        long started = System.nanoTime();
        // caught up when the fact groups have read every record, and the last events have left the outboxes
        await("statistics-service has counted the generated province").atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
                    awaitNoLag();
                    assertFigures("province", byMetric(figures(GeneratedProvince.PROVINCE_PATH)),
                            plus(wholeProvince, before));
                });
        System.out.printf("PROVINCE statistics caught up %.1f s after the last call%n",
                (System.nanoTime() - started) / 1e9);

        counted = snapshot();
        for (String metric : compared()) {
            JsonNode table = counted.get("by-union " + metric);
            for (City city : province.cities()) {
                JsonNode row = row(table, GeneratedProvince.cityPath(city));
                assertFigure(city.code() + " " + metric, row.path("figure"), ProvinceFigures.ofCity(city).get(metric));
            }
        }
        for (County county : sampledCounties) {
            assertFigures(county.code(), byMetric(counted.get("county " + county.code())),
                    ProvinceFigures.ofCounty(county));
        }
        int figures = compared().size() * (1 + province.cities().size() + sampledCounties.size());
        System.out.printf("PROVINCE %d figures equal the generator's (province, %d cities, %d counties)%n", figures,
                province.cities().size(), sampledCounties.size());
    }

    @Test
    @Order(2)
    void aCountyAnalystSeesTheirCountyAndNotASiblingCounty() {
        String analyst = suite.userToken("yunxi.analyst");
        Http.Answer own = Http.get(figuresUrl("420000/420300/420322"), analyst);
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        County generated = province.counties().get(0);
        for (String elsewhere : List.of("420000/420300/420323", "420000/420300", "420000",
                GeneratedProvince.countyPath(generated))) {
            Http.Answer answer = Http.get(figuresUrl(elsewhere), analyst);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
            assertThat(answer.isProblem()).isTrue();
            assertThat(answer.body()).doesNotContain("membership.members");
        }
        Http.Answer byUnion = Http.get(suite.gatewayUrl() + STATISTICS + "/figures/membership.members/by-union?orgPath="
                + GeneratedProvince.cityPath(province.cities().get(0)) + "&period=" + period, analyst);
        assertThat(byUnion.status()).as(byUnion.toString()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void replayingEveryTopicFromTheStartLeavesEveryFigureUnchanged() {
        assertThat(counted).as("the figures counted before the replay").isNotNull();
        suite.stop(Deployable.STATISTICS);
        long replayed = 0;
        try (ConsumerGroups groups = new ConsumerGroups(suite)) {
            List<String> factGroups = groups.groups(group -> group.startsWith(FACT_GROUPS));
            assertThat(factGroups).as("statistics-service's consumer groups").hasSizeGreaterThanOrEqualTo(15);
            for (String group : factGroups) {
                replayed += groups.rewindToEarliest(group);
            }
        }
        long started = System.nanoTime();
        suite.start(Deployable.STATISTICS);
        awaitNoLag();
        System.out.printf("PROVINCE replay of %d records from offset 0 took %.1f s%n", replayed,
                (System.nanoTime() - started) / 1e9);

        Map<String, JsonNode> again = snapshot();
        assertThat(again.keySet()).isEqualTo(counted.keySet());
        for (String query : counted.keySet()) {
            assertThat(again.get(query)).as(query).isEqualTo(counted.get(query));
        }
        System.out.printf("PROVINCE %d answers identical after the replay%n", counted.size());
    }

    @Test
    @Order(4)
    void theReportPageRendersTheProvinceInHeadlessChromium() {
        assumeTrue(HeadlessChromium.binary().isPresent() || "true".equals(System.getenv("CI")),
                "no chromium here (.ci/run installs Debian's chromium; CI never skips this)");
        Path folder = Path.of("target/province");
        Map<String, Expected> expected = plus(ProvinceFigures.ofProvince(province), before);
        try (HeadlessChromium browser = HeadlessChromium.start(1280, 1600)) {
            browser.sendHeaders(Map.of("Authorization", "Bearer " + suite.userToken("prov.admin"),
                    "Accept-Language", "zh-CN"));
            String url = suite.gatewayUrl() + STATISTICS + "/report?orgPath=" + GeneratedProvince.PROVINCE_PATH
                    + "&period=" + period;
            assertThat(browser.navigate(url)).as(url).isEqualTo(200);

            JsonNode page = browser.evaluate("""
                    ({
                      title: document.querySelector('h1') && document.querySelector('h1').textContent,
                      period: (document.querySelector('[data-period]') || {dataset: {}}).dataset.period,
                      figures: Object.fromEntries([...document.querySelectorAll('[data-metric]')]
                          .map(e => [e.dataset.metric, e.dataset.value])),
                      charts: Object.fromEntries([...document.querySelectorAll('svg[data-chart]')]
                          .map(svg => [svg.dataset.chart, Object.fromEntries([...svg.querySelectorAll('[data-org-path]')]
                              .map(bar => [bar.dataset.orgPath, bar.dataset.value]))])),
                      stylesheetApplied: getComputedStyle(document.body).fontFamily !== '',
                      scripts: document.scripts.length,
                      width: document.documentElement.scrollWidth
                    })""");
            Path screenshot = browser.screenshot(folder.resolve("report-" + period + ".png"));
            Path pdf = browser.pdf(folder.resolve("report-" + period + ".pdf"));
            System.out.println("PROVINCE report page: screenshot " + screenshot + ", PDF " + pdf);

            assertThat(page.path("title").asString()).isNotBlank();
            assertThat(page.path("period").asString()).isEqualTo(period);
            assertThat(page.path("scripts").asInt()).isZero();
            for (String metric : List.of("membership.members", "membership.new-members",
                    "rights.disputes.opened", "competition.participant-times")) {
                assertThat(new BigDecimal(page.path("figures").path(metric).asString()))
                        .as(metric).isEqualByComparingTo(expected.get(metric).value());
            }
            JsonNode membersByCity = page.path("charts").path("membership.members");
            for (City city : province.cities()) {
                assertThat(new BigDecimal(membersByCity.path(GeneratedProvince.cityPath(city)).asString()))
                        .as("the members chart's bar of " + city.code())
                        .isEqualByComparingTo(ProvinceFigures.ofCity(city).get("membership.members").value());
            }
            assertThat(page.path("width").asInt()).as("the page fits the window").isLessThanOrEqualTo(1280);
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    private static void step(String what, Runnable action, long started) {
        long begun = System.nanoTime();
        action.run();
        System.out.printf("PROVINCE %-28s %6.1f s (%.1f s in all)%n", what, (System.nanoTime() - begun) / 1e9,
                (System.nanoTime() - started) / 1e9);
    }

    private static List<String> compared() {
        List<String> metrics = new ArrayList<>(ProvinceFigures.COUNTS);
        metrics.addAll(ProvinceFigures.MONEY);
        metrics.addAll(ProvinceFigures.RATES);
        return metrics;
    }

    /** Every answer the checks read: the province, each compared metric by city, the sampled counties. */
    private static Map<String, JsonNode> snapshot() {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        answers.put("province", figures(GeneratedProvince.PROVINCE_PATH));
        for (String metric : compared()) {
            Http.Answer table = Http.get(suite.serviceUrl(Deployable.STATISTICS) + STATISTICS + "/figures/" + metric
                    + "/by-union?orgPath=" + GeneratedProvince.PROVINCE_PATH + "&period=" + period, analyst());
            assertThat(table.status()).as(table.toString()).isEqualTo(200);
            answers.put("by-union " + metric, table.json());
        }
        for (County county : sampledCounties) {
            answers.put("county " + county.code(), figures(GeneratedProvince.countyPath(county)));
        }
        return answers;
    }

    /**
     * The figures as statistics-service answers them, asked directly: the suite's gateway gives up after
     * {@link Suite#DOWNSTREAM_RESPONSE_TIMEOUT}, shorter than a province's figures take on the Mongo wire server, which
     * has no secondary indexes (through the gateway: the analyst's and the page's checks).
     */
    private static JsonNode figures(String orgPath) {
        Http.Answer answer = Http.get(suite.serviceUrl(Deployable.STATISTICS) + STATISTICS + "/figures?orgPath="
                + orgPath + "&period=" + period, analyst());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private static String figuresUrl(String orgPath) {
        return suite.gatewayUrl() + STATISTICS + "/figures?orgPath=" + orgPath + "&period=" + period;
    }

    private static String analyst() {
        return suite.userToken("prov.admin");
    }

    private static Map<String, JsonNode> byMetric(JsonNode figures) {
        Map<String, JsonNode> byMetric = new HashMap<>();
        figures.path("figures").forEach(figure -> byMetric.put(figure.path("metric").asString(), figure));
        return byMetric;
    }

    private static JsonNode row(JsonNode table, String orgPath) {
        for (JsonNode row : table.path("unions")) {
            if (row.path("union").path("orgPath").asString().equals(orgPath)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + orgPath + " in " + table);
    }

    /** The generated figures added to what the province had before (other tests' members, cases and entries). */
    private static Map<String, Expected> plus(Map<String, Expected> generated, Map<String, JsonNode> baseline) {
        Map<String, Expected> sum = new LinkedHashMap<>();
        generated.forEach((metric, figure) -> {
            JsonNode was = baseline.get(metric);
            sum.put(metric, figure.value() != null
                    ? new Expected(figure.value().add(was.path("value").decimalValue()), null, null)
                    : new Expected(null, figure.numerator() + was.path("numerator").asLong(),
                    figure.denominator() + was.path("denominator").asLong()));
        });
        return sum;
    }

    private static void assertFigures(String where, Map<String, JsonNode> actual, Map<String, Expected> expected) {
        expected.forEach((metric, figure) -> assertFigure(where + " " + metric, actual.get(metric), figure));
    }

    private static void assertFigure(String what, JsonNode actual, Expected expected) {
        assertThat(actual).as(what).isNotNull();
        if (expected.value() != null) {
            assertThat(actual.path("value").decimalValue()).as(what).isEqualByComparingTo(expected.value());
        }
        else {
            assertThat(actual.path("numerator").asLong()).as(what + " numerator").isEqualTo(expected.numerator());
            assertThat(actual.path("denominator").asLong()).as(what + " denominator")
                    .isEqualTo(expected.denominator());
        }
    }

    // ---------------------------------------------------------------------------------------------------- Kafka --

    private static void awaitNoLag() {
        try (ConsumerGroups groups = new ConsumerGroups(suite)) {
            groups.awaitNoLag(groups.groups(group -> group.startsWith(FACT_GROUPS)), Duration.ofMinutes(10));
        }
    }
}
