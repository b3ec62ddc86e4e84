package cn.smartunion.systemtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.smartunion.systemtest.suite.Http;
import cn.smartunion.systemtest.suite.MembershipApi;
import cn.smartunion.systemtest.suite.People;
import cn.smartunion.systemtest.suite.Suite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The e-government portal as a partner system: client credentials, membership verification (会员身份核验) through the
 * gateway, answered yes/no and of which union and nothing more, audited, forbidden to anyone else, and held to its
 * quota (429 with Retry-After, never a 5xx). The burst goes last: it spends the portal's quota.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalTest {

    private static Suite suite;
    private static String portal;
    private static People.Person member;
    private static String unionId;

    @BeforeAll
    static void aMemberOfYunxisExpressDeliveryUnion() {
        suite = Suite.shared();
        MembershipApi membership = new MembershipApi(suite);
        String county = suite.userToken("county.admin");
        unionId = membership.orgId(county, "Y0001");
        member = People.newPerson("420322");
        membership.registeredMember(county, unionId, member);
        portal = suite.portalToken();
    }

    @Test
    @Order(1)
    void anActiveMemberIsVerifiedWithTheirUnionAndNothingMore() {
        Http.Answer answer = verify(portal, member.citizenIdNumber(), member.legalName());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.path("verified").asBoolean()).isTrue();
        assertThat(body.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(body.path("union").path("orgId").asString()).isEqualTo(unionId);
        assertThat(body.path("union").path("name").asString()).isEqualTo("郧西县快递物流行业联合工会");
        assertThat(answer.body()).doesNotContain(member.citizenIdNumber()).doesNotContain(member.legalName())
                .doesNotContain(member.mobilePhone());
        assertThat(answer.header("cache-control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    }

    @Test
    @Order(2)
    void aNameThatDoesNotMatchIsAnsweredLikeAnUnknownPerson() {
        Http.Answer wrongName = verify(portal, member.citizenIdNumber(), "王某某");
        People.Person stranger = People.newPerson("420322");
        Http.Answer unknown = verify(portal, stranger.citizenIdNumber(), stranger.legalName());

        for (Http.Answer answer : List.of(wrongName, unknown)) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.json().path("verified").asBoolean()).isFalse();
            assertThat(answer.json().path("status").asString()).isEqualTo("NOT_A_MEMBER");
            assertThat(answer.json().has("union")).isFalse();
        }
    }

    @Test
    @Order(3)
    void aMemberOrStaffTokenMayNotVerify() {
        for (String username : List.of("member.demo", "prov.admin")) {
            Http.Answer answer = verify(suite.userToken(username), member.citizenIdNumber(), member.legalName());
            assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
            assertThat(answer.isProblem()).isTrue();
        }
    }

    @Test
    @Order(4)
    void everyCallIsAudited() {
        Http.Answer audit = Http.get(suite.gatewayUrl() + "/api/membership/v1/verifications/audit?clientId=portal&size=100",
                suite.userToken("prov.admin"));

        assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
        assertThat(audit.json().path("totalItems").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(audit.body()).doesNotContain(member.citizenIdNumber()).doesNotContain(member.legalName());
    }

    @Test
    @Order(5)
    void aBurstOverTheQuotaGets429sAndNo5xx() throws Exception {
        int requests = 3 * Suite.PORTAL_QUOTA_PER_MINUTE;
        long started = System.nanoTime();
        List<Http.Answer> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(30);
        try {
            List<Future<Http.Answer>> sent = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                sent.add(pool.submit(() -> verify(portal, member.citizenIdNumber(), member.legalName())));
            }
            for (Future<Http.Answer> answer : sent) {
                answers.add(answer.get());
            }
        }
        finally {
            pool.shutdownNow();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        long ok = answers.stream().filter(a -> a.status() == 200).count();
        List<Http.Answer> refused = answers.stream().filter(a -> a.status() != 200).toList();
        System.out.printf("portal burst: %d requests, 30 at a time, in %d ms: %d x 200, %d refused%n", requests,
                took.toMillis(), ok, refused.size());
        assertThat(refused).as("answers other than 200").allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(429);
            assertThat(answer.isProblem()).as(answer.toString()).isTrue();
            assertThat(answer.header("retry-after")).as(answer.toString()).isPresent();
        });
        assertThat(refused).isNotEmpty();
        // the bucket holds a minute's quota and refills at per-minute / 60 per second
        long allowed = Suite.PORTAL_QUOTA_PER_MINUTE + Suite.PORTAL_QUOTA_PER_MINUTE * (took.toSeconds() + 1) / 60;
        assertThat(ok).as("verified within the quota, in %s", took).isLessThanOrEqualTo(allowed);
    }

    private static Http.Answer verify(String token, String citizenIdNumber, String legalName) {
        return Http.post(suite.gatewayUrl() + "/api/membership/v1/verifications", token,
                Map.of("citizenIdNumber", citizenIdNumber, "legalName", legalName));
    }
}
