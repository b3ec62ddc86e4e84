package cn.smartunion.membership.staff.adapter.in.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.UUID;

import cn.smartunion.contracts.Topics;
import cn.smartunion.membership.org.application.OrgRegistration;
import cn.smartunion.membership.org.domain.OrgPath;
import cn.smartunion.membership.org.domain.OrgType;
import cn.smartunion.membership.org.domain.OrgUnit;
import cn.smartunion.membership.staff.domain.StaffAccountStatus;
import cn.smartunion.membership.staff.domain.StaffAccounts;
import cn.smartunion.runtime.testing.MongoWireServer;
import cn.smartunion.runtime.testing.TestPersonalDataKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static cn.smartunion.runtime.testing.TestJwts.orgUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * When Keycloak cannot be used the staff account endpoints answer 503 problem+json, never 500: Keycloak down
 * (nothing listens: connection refused, as for a stopped server), Keycloak hanging (a port that accepts connections
 * and never answers: the read timeout), and no admin client configured at all (the service still starts).
 */
class StaffAccountsWithoutKeycloakTest {

    static final String YUNXI = "420000/420300/420322";

    /** A port nothing listens on: connection refused, like a stopped Keycloak. */
    static final int CLOSED_PORT = closedPort();

    /** Accepts connections (the kernel's backlog) but never answers. */
    static final ServerSocket SILENT = silentServer();

    @AfterAll
    static void closeSilentServer() throws IOException {
        SILENT.close();
    }

    @SpringBootTest(properties = {
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/unused",
            "smartunion.staff-accounts.reconcile-interval=0",
            "smartunion.keycloak-admin.client-secret=some-secret",
            "smartunion.keycloak-admin.realm=smart-union",
            "smartunion.keycloak-admin.connect-timeout=1s",
            "smartunion.keycloak-admin.read-timeout=1s",
            TestPersonalDataKeys.AES_KEY, TestPersonalDataKeys.ACTIVE_KEY_ID, TestPersonalDataKeys.BLIND_INDEX_KEY})
    @AutoConfigureMockMvc
    @EmbeddedKafka(partitions = 1, topics = Topics.MEMBERSHIP_ORG)
    abstract static class Base {

        @Autowired MockMvc mvc;
        @Autowired OrgRegistration registration;
        @Autowired StaffAccounts accounts;

        OrgUnit yunxi;

        @BeforeEach
        void orgTree() {
            OrgUnit hubei = registration.registerRootIfAbsent("420000", "湖北省总工会", OrgType.PROVINCIAL_FEDERATION);
            OrgUnit shiyan = registration.registerChildIfAbsent(hubei.path(), "420300", "十堰市总工会",
                    OrgType.CITY_FEDERATION);
            yunxi = registration.registerChildIfAbsent(new OrgPath(shiyan.path().value()), "420322", "郧西县总工会",
                    OrgType.COUNTY_FEDERATION);
        }

        ResultActions create(String username) throws Exception {
            return mvc.perform(post(StaffAccountController.PATH).with(orgUser(YUNXI, "union-admin", "union-staff"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(AgainstKeycloak.createBody(username, yunxi.id(), "union-staff")));
        }
    }

    @Nested
    class KeycloakDown extends Base {

        @DynamicPropertySource
        static void keycloakDown(DynamicPropertyRegistry registry) {
            MongoWireServer.registerUri(registry, "staff-keycloak-down-" + UUID.randomUUID());
            registry.add("smartunion.keycloak-admin.url", () -> "http://127.0.0.1:" + CLOSED_PORT);
        }

        @Test
        void creatingAnAccountIs503WithRetryAfterAndRepeatedFailuresOpenTheCircuit() throws Exception {
            for (int i = 0; i < 8; i++) {
                String username = "down.staff" + i;
                create(username)
                        .andExpect(status().isServiceUnavailable())
                        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                        .andExpect(header().string("Retry-After", "30"))
                        .andExpect(jsonPath("$.type").value("urn:smartunion:problem:service-unavailable"))
                        .andExpect(jsonPath("$.requestId").exists());
                // each attempt left at most a FAILED record for the reconciler, never an ACTIVE one
                accounts.findByUsername(username).ifPresent(
                        account -> assertThat(account.status()).isEqualTo(StaffAccountStatus.FAILED));
            }
            // once the circuit is open, nothing is even recorded
            assertThat(accounts.findByUsername("down.staff7")).isEmpty();
            // reads of the local records still work
            mvc.perform(get(StaffAccountController.PATH).with(orgUser(YUNXI, "union-admin")))
                    .andExpect(status().isOk());
        }
    }

    @Nested
    class KeycloakHanging extends Base {

        @DynamicPropertySource
        static void keycloakHanging(DynamicPropertyRegistry registry) {
            MongoWireServer.registerUri(registry, "staff-keycloak-hanging-" + UUID.randomUUID());
            registry.add("smartunion.keycloak-admin.url", () -> "http://127.0.0.1:" + SILENT.getLocalPort());
        }

        @Test
        void aKeycloakThatDoesNotAnswerTimesOutInto503() throws Exception {
            create("hanging.staff")
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "30"))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Nested
    class NotConfigured extends Base {

        @DynamicPropertySource
        static void notConfigured(DynamicPropertyRegistry registry) {
            MongoWireServer.registerUri(registry, "staff-not-configured-" + UUID.randomUUID());
            registry.add("smartunion.keycloak-admin.client-secret", () -> "");
        }

        @Test
        void theServiceRunsAndStaffAccountChangesAre503WithoutRetryAfter() throws Exception {
            create("unconfigured.staff")
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().doesNotExist("Retry-After"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not configured")));
            assertThat(accounts.findByUsername("unconfigured.staff")).isEmpty();
            mvc.perform(get("/api/membership/v1/orgs").with(orgUser(YUNXI, "union-staff"))).andExpect(status().isOk());
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ServerSocket silentServer() {
        try {
            return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
