package cn.smartunion.membership.staff.adapter.in.web;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import cn.smartunion.contracts.Topics;
import cn.smartunion.membership.org.application.OrgRegistration;
import cn.smartunion.membership.org.domain.OrgPath;
import cn.smartunion.membership.org.domain.OrgType;
import cn.smartunion.membership.org.domain.OrgUnit;
import cn.smartunion.runtime.testing.KeycloakTestServer;
import cn.smartunion.runtime.testing.MongoWireServer;
import cn.smartunion.runtime.testing.TestPersonalDataKeys;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * membership-service against the real Keycloak with the local realm ({@code local-run/keycloak/smart-union-realm.json}):
 * callers log in with the password grant as the realm's demo administrators, and the service administers Keycloak
 * as the realm's {@code membership-service} client. One application context for every subclass.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "smartunion.staff-accounts.reconcile-interval=0",
        TestPersonalDataKeys.AES_KEY, TestPersonalDataKeys.ACTIVE_KEY_ID, TestPersonalDataKeys.BLIND_INDEX_KEY})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = Topics.MEMBERSHIP_ORG)
abstract class AgainstKeycloak {

    static final String REALM = "smart-union";
    static final Path REALM_FILE = Path.of("..", "local-run", "keycloak", "smart-union-realm.json");
    static final String DEMO_PASSWORD = "smartunion-demo";
    static final String ADMIN_CLIENT_SECRET = "membership-service-demo-secret-local-only";

    static final String SHIYAN = "420000/420300";
    static final String YUNXI = "420000/420300/420322";
    static final String ZHUSHAN = "420000/420300/420323";
    static final String SUIZHOU = "420000/421300";

    static final KeycloakTestServer keycloak = KeycloakTestServer.shared();

    private static final Map<String, String> tokens = new ConcurrentHashMap<>();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        MongoWireServer.registerUri(registry, "membership-staff-accounts-test");
        keycloak.importRealm(REALM_FILE);
        keycloak.registerResourceServer(registry, REALM, "smart-union-api");
        registry.add("smartunion.keycloak-admin.client-secret", () -> ADMIN_CLIENT_SECRET);
    }

    @Autowired MockMvc mvc;
    @Autowired OrgRegistration registration;

    OrgUnit shiyan;
    OrgUnit yunxi;
    OrgUnit zhushan;
    OrgUnit suizhou;

    @BeforeEach
    void orgTree() {
        OrgUnit hubei = registration.registerRootIfAbsent("420000", "湖北省总工会", OrgType.PROVINCIAL_FEDERATION);
        shiyan = registration.registerChildIfAbsent(hubei.path(), "420300", "十堰市总工会", OrgType.CITY_FEDERATION);
        suizhou = registration.registerChildIfAbsent(hubei.path(), "421300", "随州市总工会", OrgType.CITY_FEDERATION);
        yunxi = registration.registerChildIfAbsent(new OrgPath(SHIYAN), "420322", "郧西县总工会", OrgType.COUNTY_FEDERATION);
        zhushan = registration.registerChildIfAbsent(new OrgPath(SHIYAN), "420323", "竹山县总工会", OrgType.COUNTY_FEDERATION);
    }

    /** A demo administrator's access token from Keycloak (password grant through the staff-web client). */
    static String tokenOf(String username) {
        return tokens.computeIfAbsent(username,
                u -> keycloak.passwordGrant(REALM, "staff-web", u, DEMO_PASSWORD).accessToken());
    }

    static String uniqueUsername(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    ResultActions create(String caller, String username, String orgId, String... roles) throws Exception {
        return mvc.perform(post(StaffAccountController.PATH).header("Authorization", "Bearer " + tokenOf(caller))
                .contentType(MediaType.APPLICATION_JSON)
                .content(createBody(username, orgId, roles)));
    }

    static String createBody(String username, String orgId, String... roles) {
        return """
                {"username": "%s", "email": "%s@staff.example.test", "firstName": "测试", "lastName": "工作人员",
                 "orgId": "%s", "roles": [%s]}""".formatted(username, username, orgId,
                String.join(", ", java.util.Arrays.stream(roles).map(r -> "\"" + r + "\"").toList()));
    }
}
