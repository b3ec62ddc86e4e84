package cn.smartunion.systemtest;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import cn.smartunion.systemtest.suite.Deployable;
import cn.smartunion.systemtest.suite.Events;
import cn.smartunion.systemtest.suite.Http;
import cn.smartunion.systemtest.suite.MembershipApi;
import cn.smartunion.systemtest.suite.People;
import cn.smartunion.systemtest.suite.Suite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A county union office at work through the gateway: it registers a grassroots union, which every service learns of
 * through Kafka, and which its sibling county cannot see while its city can; it enters members, masked in every
 * answer, and a retried entry creates one member.
 */
class UnionOfficeTest {

    private static Suite suite;
    private static MembershipApi membership;
    private static String county;

    @BeforeAll
    static void startSuite() {
        suite = Suite.shared();
        membership = new MembershipApi(suite);
        county = suite.userToken("county.admin");
    }

    @Test
    void aNewUnionReachesEveryServiceAndIsScopedToItsPartOfTheTree() {
        String code = "ST" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Http.Answer registered = Http.post(suite.gatewayUrl() + "/api/membership/v1/orgs", county, Map.of(
                "parentId", membership.orgId(county, "420322"), "code", code, "name", "郧西县某物流园区工会",
                "orgType", "GRASSROOTS_UNION"), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String orgId = registered.json().path("id").asString();
        String path = registered.json().path("path").asString();
        assertThat(path).isEqualTo("420000/420300/420322/" + code);

        for (Deployable service : Deployable.services()) {
            String entry = suite.gatewayUrl() + directoryPath(service, orgId);
            await(service + " learns of the new union").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(300)).until(() -> Http.get(entry, county).status() == 200);
            assertThat(Http.get(entry, county).json().path("path").asString()).isEqualTo(path);

            Http.Answer sibling = Http.get(entry, suite.userToken("county2.admin"));
            assertThat(sibling.status()).as(sibling.toString()).isEqualTo(404);
            assertThat(sibling.isProblem()).isTrue();
            Http.Answer city = Http.get(entry, suite.userToken("city.admin"));
            assertThat(city.status()).as(city.toString()).isEqualTo(200);
        }
    }

    @Test
    void aMemberEnteredTwiceWithOneIdempotencyKeyIsOneMemberAndMaskedInEveryAnswer() {
        String union = membership.orgId(county, "Y0002");
        People.Person worker = People.newPerson("420322");
        Map<String, Object> entry = Map.of("orgId", union, "legalName", worker.legalName(),
                "citizenIdNumber", worker.citizenIdNumber(), "mobilePhone", worker.mobilePhone(),
                "joinChannel", "ONLINE_APPLICATION");
        Map<String, String> retryable = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        Http.Answer first = Http.post(suite.gatewayUrl() + "/api/membership/v1/members", county, entry, retryable);
        Http.Answer retry = Http.post(suite.gatewayUrl() + "/api/membership/v1/members", county, entry, retryable);
        Http.Answer again = membership.registerMember(county, union, worker);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        assertThat(again.status()).as("a new key for the same person: " + again).isEqualTo(409);
        JsonNode member = Http.get(suite.gatewayUrl() + "/api/membership/v1/members/" + first.json().path("id").asString(),
                county).json();
        for (String answer : new String[] {first.body(), retry.body(), again.body(), member.toString()}) {
            assertThat(answer).doesNotContain(worker.citizenIdNumber()).doesNotContain(worker.mobilePhone());
        }
        assertThat(member.toString()).contains("*");
    }

    @Test
    void theRequestIdReachesTheServiceAndTheTraceContextReachesTheEvent() {
        String requestId = "st-" + UUID.randomUUID();
        Http.Answer notFound = Http.get(suite.gatewayUrl() + "/api/membership/v1/orgs/no-such-org", county,
                Map.of("X-Request-Id", requestId));
        assertThat(notFound.status()).as(notFound.toString()).isEqualTo(404);
        assertThat(notFound.json().path("requestId").asString()).as("the service's own problem body")
                .isEqualTo(requestId);

        String traceId = UUID.randomUUID().toString().replace("-", "");
        String code = "TR" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Http.Answer registered = Http.post(suite.gatewayUrl() + "/api/membership/v1/orgs", county, Map.of(
                "parentId", membership.orgId(county, "420322"), "code", code, "name", "郧西县某商贸城工会",
                "orgType", "GRASSROOTS_UNION"), Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String orgId = registered.json().path("id").asString();

        Map<String, String> headers = new Events(suite).awaitHeaders("membership.org.v1", orgId);
        assertThat(headers.get("ce_type")).endsWith("org.registered.v1");
        assertThat(headers.get("traceparent")).as("the event carries the client's trace").contains(traceId);
    }

    private static String directoryPath(Deployable service, String orgId) {
        return service == Deployable.MEMBERSHIP ? "/api/membership/v1/orgs/" + orgId
                : service.apiPrefix() + "/v1/org-directory/" + orgId;
    }
}
