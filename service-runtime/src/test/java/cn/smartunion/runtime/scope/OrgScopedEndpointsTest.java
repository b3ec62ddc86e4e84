package cn.smartunion.runtime.scope;

import java.util.List;
import java.util.Map;

import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.testing.MongoWireServer;
import cn.smartunion.runtime.testing.TestJwts;
import cn.smartunion.runtime.testing.TestPersonalDataKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A service endpoint written the way the architecture asks (scope in the query, 404 outside it, 403 for a missing
 * role), exercised through the auto-configured security chain and a MongoDB wire-protocol server.
 */
@SpringBootTest(classes = OrgScopedEndpointsTest.CasesApplication.class,
        properties = { "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/never-fetched",
                // mongo-java-server does not implement the 'hello' command Boot's Mongo health check sends
                "management.health.mongodb.enabled=false",
                TestPersonalDataKeys.AES_KEY, TestPersonalDataKeys.ACTIVE_KEY_ID,
                TestPersonalDataKeys.BLIND_INDEX_KEY })
@AutoConfigureMockMvc
class OrgScopedEndpointsTest {

    private static final String YUNXI = "420000/420300/420322";

    private static final String ZHUSHAN = "420000/420300/420323";

    private static final String SHIYAN = "420000/420300";

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        MongoWireServer.registerUri(registry, "org-scoped-endpoints-test");
    }

    @BeforeEach
    void seed() {
        mongo.dropCollection(CaseDocument.class);
        mongo.insertAll(List.of(new CaseDocument("yunxi-1", YUNXI), new CaseDocument("zhushan-1", ZHUSHAN),
                new CaseDocument("short-1", "4203/01"), new CaseDocument("longer-1", "42030/01")));
    }

    @Test
    void countyReadsItsOwnRecord() throws Exception {
        mvc.perform(get("/test/cases/yunxi-1").with(TestJwts.orgUser(YUNXI, "staff")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.orgPath").value(YUNXI));
    }

    @Test
    void countyGets404ForTheSiblingCountysRecord() throws Exception {
        mvc.perform(get("/test/cases/zhushan-1").with(TestJwts.orgUser(YUNXI, "staff")))
            .andExpect(status().isNotFound())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.type").value("urn:smartunion:problem:not-found"))
            // the same answer as for an id that does not exist at all
            .andExpect(jsonPath("$.detail").value("Case not found"));
        mvc.perform(get("/test/cases/no-such-case").with(TestJwts.orgUser(YUNXI, "staff")))
            .andExpect(status().isNotFound())
            .andExpect(jsonPath("$.detail").value("Case not found"));
    }

    @Test
    void cityReadsBothCounties() throws Exception {
        mvc.perform(get("/test/cases/yunxi-1").with(TestJwts.orgUser(SHIYAN, "staff"))).andExpect(status().isOk());
        mvc.perform(get("/test/cases/zhushan-1").with(TestJwts.orgUser(SHIYAN, "staff"))).andExpect(status().isOk());
    }

    @Test
    void listReturnsOnlyRecordsInScope() throws Exception {
        mvc.perform(get("/test/cases").with(TestJwts.orgUser(YUNXI, "staff")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[*].id").value(containsInAnyOrder("yunxi-1")));
        mvc.perform(get("/test/cases").with(TestJwts.orgUser(SHIYAN, "staff")))
            .andExpect(jsonPath("$[*].id").value(containsInAnyOrder("yunxi-1", "zhushan-1")));
    }

    @Test
    void aCodeDoesNotReachRecordsOfALongerCodeItIsAPrefixOf() throws Exception {
        mvc.perform(get("/test/cases").with(TestJwts.orgUser("4203", "staff")))
            .andExpect(jsonPath("$[*].id").value(containsInAnyOrder("short-1")));
        mvc.perform(get("/test/cases/longer-1").with(TestJwts.orgUser("4203", "staff")))
            .andExpect(status().isNotFound());
    }

    @Test
    void inScopeButWithoutTheRoleIs403() throws Exception {
        mvc.perform(post("/test/cases/yunxi-1/approve").with(TestJwts.orgUser(YUNXI, "staff")))
            .andExpect(status().isForbidden())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.type").value("urn:smartunion:problem:forbidden"));
        mvc.perform(post("/test/cases/yunxi-1/approve").with(TestJwts.orgUser(YUNXI, "aid-approver")))
            .andExpect(status().isOk());
        // out of scope is 404 even for an approver: existence is not revealed
        mvc.perform(post("/test/cases/zhushan-1/approve").with(TestJwts.orgUser(YUNXI, "aid-approver")))
            .andExpect(status().isNotFound());
    }

    @Test
    void partnerClientWithoutOrgPathSeesNoOrgRecords() throws Exception {
        mvc.perform(get("/test/cases").with(TestJwts.partnerClient("court-portal", "rights.referrals.read")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(get("/test/cases/yunxi-1").with(TestJwts.partnerClient("court-portal")))
            .andExpect(status().isNotFound());
    }

    @Test
    void controllerReceivesTheOrgPrincipal() throws Exception {
        mvc.perform(get("/test/cases/me").with(TestJwts.orgUser(YUNXI, "staff", "aid-approver")))
            .andExpect(jsonPath("$.orgPath").value(YUNXI))
            .andExpect(jsonPath("$.roles", containsInAnyOrder("staff", "aid-approver")));
    }

    @Test
    void noTokenIs401ProblemJson() throws Exception {
        mvc.perform(get("/test/cases/yunxi-1"))
            .andExpect(status().isUnauthorized())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(header().string("WWW-Authenticate", startsWith("Bearer")))
            .andExpect(jsonPath("$.type").value("urn:smartunion:problem:unauthenticated"))
            .andExpect(jsonPath("$.title").value("需要身份认证"))
            .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void healthProbeNeedsNoToken() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(CaseController.class)
    static class CasesApplication {
    }

    @Document("cases")
    record CaseDocument(@Id String id, String orgPath) {
    }

    @RestController
    @RequestMapping("/test/cases")
    static class CaseController {

        private final MongoTemplate mongo;

        CaseController(MongoTemplate mongo) {
            this.mongo = mongo;
        }

        @GetMapping("/{id}")
        CaseDocument one(@PathVariable String id, @AuthenticationPrincipal OrgPrincipal principal) {
            return findInScope(id, principal);
        }

        @GetMapping
        List<CaseDocument> list(@AuthenticationPrincipal OrgPrincipal principal) {
            return mongo.find(new Query(OrgScope.subtree("orgPath", principal)), CaseDocument.class);
        }

        @PostMapping("/{id}/approve")
        CaseDocument approve(@PathVariable String id, @AuthenticationPrincipal OrgPrincipal principal) {
            CaseDocument found = findInScope(id, principal);
            if (!principal.hasRole("aid-approver")) {
                throw new AccessDeniedException("aid-approver role required");
            }
            return found;
        }

        @GetMapping("/me")
        Map<String, Object> me(@AuthenticationPrincipal OrgPrincipal principal) {
            return Map.of("orgPath", principal.orgPath(), "roles", principal.roles());
        }

        private CaseDocument findInScope(String id, OrgPrincipal principal) {
            CaseDocument found = mongo.findOne(
                    query(where("_id").is(id)).addCriteria(OrgScope.subtree("orgPath", principal)), CaseDocument.class);
            if (found == null) {
                throw new NotFoundException("Case not found");
            }
            return found;
        }
    }
}
