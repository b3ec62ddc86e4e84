package cn.smartunion.systemtest;

import cn.smartunion.systemtest.suite.Http;
import cn.smartunion.systemtest.suite.MembershipApi;
import cn.smartunion.systemtest.suite.People;
import cn.smartunion.systemtest.suite.Suite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Union statistics through the gateway, computed from the event streams: members a county enters in a new grassroots
 * union are counted there (and in the county and the province) by statistics-service, which never reads
 * membership's database; a sibling county's staff cannot read the figures.
 */
class StatisticsTest {

    private static final String FIGURES = "/api/statistics/v1/figures";

    private static Suite suite;
    private static MembershipApi membership;

    @BeforeAll
    static void startSuite() {
        suite = Suite.shared();
        membership = new MembershipApi(suite);
    }

    @Test
    void membersEnteredInAUnionAreCountedFromTheStreamsAndASiblingCountyCannotSeeThem() {
        String county = suite.userToken("county.admin");
        String code = "SX" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Http.Answer union = Http.post(suite.gatewayUrl() + "/api/membership/v1/orgs", county, Map.of(
                "parentId", membership.orgId(county, "420322"), "code", code, "name", "郧西县某快递分拨中心工会",
                "orgType", "GRASSROOTS_UNION"), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(union.status()).as(union.toString()).isEqualTo(201);
        String orgId = union.json().path("id").asString();
        String path = union.json().path("path").asString();
        for (int i = 0; i < 3; i++) {
            membership.registeredMember(county, orgId, People.newPerson("420322"));
        }

        String year = Integer.toString(LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear());
        String query = suite.gatewayUrl() + FIGURES + "?orgPath=" + path + "&period=" + year;
        await("statistics-service counts the new members").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    Http.Answer answer = Http.get(query, suite.userToken("prov.admin"));
                    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
                    assertThat(figure(answer.json(), "membership.new-members")).isEqualTo(3);
                    assertThat(figure(answer.json(), "membership.members")).isEqualTo(3);
                });
        Http.Answer byCounty = Http.get(query, county);
        assertThat(byCounty.status()).as(byCounty.toString()).isEqualTo(200);
        assertThat(figure(byCounty.json(), "membership.new-members")).isEqualTo(3);

        Http.Answer sibling = Http.get(query, suite.userToken("county2.admin"));
        assertThat(sibling.status()).as(sibling.toString()).isEqualTo(404);
        assertThat(sibling.isProblem()).isTrue();
        Http.Answer member = Http.get(query, suite.userToken("member.demo"));
        assertThat(member.status()).as(member.toString()).isEqualTo(403);
    }

    private static long figure(JsonNode figures, String metric) {
        for (JsonNode figure : figures.path("figures")) {
            if (metric.equals(figure.path("metric").asString())) {
                return figure.path("value").asLong();
            }
        }
        throw new AssertionError("no figure " + metric + " in " + figures);
    }
}
