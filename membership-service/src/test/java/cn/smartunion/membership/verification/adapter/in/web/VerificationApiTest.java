package cn.smartunion.membership.verification.adapter.in.web;

import cn.smartunion.membership.member.MemberServiceTestSupport;
import cn.smartunion.membership.member.TestIdentities;
import cn.smartunion.runtime.testing.TestJwts;
import com.jayway.jsonpath.JsonPath;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.smartunion.runtime.testing.TestJwts.orgUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ExtendWith(OutputCaptureExtension.class)
class VerificationApiTest extends MemberServiceTestSupport {

    private static final String VERIFICATIONS = "/api/membership/v1/verifications";
    private static final String MEMBERS = "/api/membership/v1/members";

    @Autowired MockMvc mvc;
    @Autowired MongoClient mongoClient;

    @Test
    void anActiveMemberIsVerifiedWithTheUnionAndNothingElse() throws Exception {
        String idNumber = TestIdentities.citizenIdNumber();
        String phone = TestIdentities.mobilePhone();
        String memberId = registered(yunxi.id(), "钱小明", idNumber, phone);

        String body = verify(portal(), idNumber, " 钱小明 ")
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(jsonPath("$.verified").value(true))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.union.orgId").value(yunxi.id()))
                .andExpect(jsonPath("$.union.name").value("郧西县总工会"))
                .andExpect(jsonPath("$.verifiedAt").isNotEmpty())
                .andExpect(jsonPath("$.verificationId").isNotEmpty())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        Map<String, Object> answer = JsonPath.read(body, "$");
        assertThat(answer).containsOnlyKeys("verified", "status", "union", "verifiedAt", "verificationId");
        assertThat(JsonPath.<Map<String, Object>>read(body, "$.union")).containsOnlyKeys("orgId", "name");
        assertThat(body).doesNotContain(memberId).doesNotContain(idNumber).doesNotContain(phone)
                .doesNotContain(YUNXI);
    }

    @Test
    void aWrongNameIsAnsweredExactlyLikeAnUnknownPerson() throws Exception {
        String idNumber = TestIdentities.citizenIdNumber();
        registered(yunxi.id(), "孙小红", idNumber, null);

        String wrongName = verify(portal(), idNumber, "孙大红").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String unknown = verify(portal(), TestIdentities.citizenIdNumber(), "孙小红").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(withoutCallFields(wrongName)).isEqualTo(withoutCallFields(unknown))
                .isEqualTo(Map.of("verified", false, "status", "NOT_A_MEMBER"));
        // the audit trail keeps the difference for investigations; the caller never sees it
        assertThat(auditDocument(Filters.eq("_id", JsonPath.read(wrongName, "$.verificationId"))).toJson())
                .contains("\"match\": \"NAME_MISMATCH\"").contains("\"outcome\": \"NOT_A_MEMBER\"");
        assertThat(auditDocument(Filters.eq("_id", JsonPath.read(unknown, "$.verificationId"))).toJson())
                .contains("\"match\": \"NO_RECORD\"");
    }

    @Test
    void aTerminatedMemberIsNotAMemberAndARetainedOneIsNotVerifiedNorNamed() throws Exception {
        String leftId = TestIdentities.citizenIdNumber();
        String left = registered(zhushan.id(), "周小刚", leftId, null);
        staffAction(left, "terminate", "{\"reasonCode\":\"VOLUNTARY_EXIT\"}");
        String retiredId = TestIdentities.citizenIdNumber();
        String retired = registered(zhushan.id(), "郑小强", retiredId, null);
        staffAction(retired, "retain", "{\"reasonCode\":\"RETIRED\"}");

        String terminated = verify(portal(), leftId, "周小刚").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(withoutCallFields(terminated)).isEqualTo(Map.of("verified", false, "status", "NOT_A_MEMBER"));

        verify(portal(), retiredId, "郑小强").andExpect(status().isOk())
                .andExpect(jsonPath("$.verified").value(false))
                .andExpect(jsonPath("$.status").value("RETAINED"))
                .andExpect(jsonPath("$.union").doesNotExist());
    }

    @Test
    void membersStaffPartnersWithoutTheRoleAndAnonymousCallersAreRefused() throws Exception {
        String idNumber = TestIdentities.citizenIdNumber();
        registered(yunxi.id(), "冯小东", idNumber, null);
        long auditedBefore = auditCount();

        for (RequestPostProcessor caller : List.of(orgUser(YUNXI + "/Y0001", "member"), orgUser(HUBEI, "union-staff"),
                orgUser(HUBEI, "union-admin"), TestJwts.partnerClient("portal"),
                TestJwts.partnerClient("court", "membership"))) {
            verify(caller, idNumber, "冯小东").andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(content().string(not(containsString("冯小东"))));
        }
        mvc.perform(post(VERIFICATIONS).contentType(MediaType.APPLICATION_JSON).content(json(idNumber, "冯小东")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        // refused callers learn nothing and leave no answer behind in the trail
        assertThat(auditCount()).isEqualTo(auditedBefore);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyIsAnsweredAndAuditedAgain() throws Exception {
        String idNumber = TestIdentities.citizenIdNumber();
        registered(yunxi.id(), "韩小梅", idNumber, null);
        long auditedBefore = auditCount();
        String key = UUID.randomUUID().toString();

        for (int call = 0; call < 2; call++) {
            mvc.perform(post(VERIFICATIONS).with(portal()).header("Idempotency-Key", key)
                            .contentType(MediaType.APPLICATION_JSON).content(json(idNumber, "韩小梅")))
                    .andExpect(status().isOk())
                    .andExpect(header().doesNotExist("Idempotent-Replayed"))
                    .andExpect(jsonPath("$.status").value("ACTIVE"));
        }
        assertThat(auditCount()).isEqualTo(auditedBefore + 2);
    }

    @Test
    void aPartnerAsksOnlyAboutMembersWithinItsOwnOrgPath() throws Exception {
        String idNumber = TestIdentities.citizenIdNumber();
        registered(zhushan.id(), "陈小兰", idNumber, null);

        verify(portalAt(YUNXI), idNumber, "陈小兰").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("NOT_A_MEMBER")).andExpect(jsonPath("$.union").doesNotExist());
        verify(portalAt(SHIYAN), idNumber, "陈小兰").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.union.orgId").value(zhushan.id()));
    }

    @Test
    void aBadCheckDigitOrNameIsA400NamingTheFieldAndIsAuditedWithoutTheValue() throws Exception {
        String wrongCheck = TestIdentities.withWrongCheckDigit(TestIdentities.citizenIdNumber());
        String requestId = UUID.randomUUID().toString();
        String problem = mvc.perform(post(VERIFICATIONS).with(portal()).header("X-Request-Id", requestId)
                        .contentType(MediaType.APPLICATION_JSON).content(json(wrongCheck, "褚小云")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.violations[0].field").value("citizenIdNumber"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(problem).doesNotContain(wrongCheck).doesNotContain("褚小云");

        RawBsonDocument entry = auditDocument(Filters.eq("requestId", requestId));
        assertThat(entry.toJson()).contains("\"outcome\": \"INVALID_INPUT\"")
                .contains("\"invalidField\": \"citizenIdNumber\"");
        assertThat(everyByte(entry)).doesNotContain(wrongCheck).doesNotContain(wrongCheck.substring(6, 14))
                .doesNotContain("褚小云");

        verify(portal(), TestIdentities.citizenIdNumber(), "Robert 2nd").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("legalName"));
        mvc.perform(post(VERIFICATIONS).with(portal()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"legalName\":\"褚小云\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("citizenIdNumber"));
        mvc.perform(post(VERIFICATIONS).with(portal()).contentType(MediaType.APPLICATION_JSON).content("{"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void everyCallIsAuditedDurablyWithTheBlindIndexOnlyAndReadableByTheProvinceAdmin(CapturedOutput output)
            throws Exception {
        String idNumber = TestIdentities.citizenIdNumber();
        registered(yunxi.id(), "卫小军", idNumber, null);
        String requestId = UUID.randomUUID().toString();

        String matched = mvc.perform(post(VERIFICATIONS).with(portal()).header("X-Request-Id", requestId)
                        .contentType(MediaType.APPLICATION_JSON).content(json(idNumber, "卫小军")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String mismatched = verify(portal(), idNumber, "卫大军").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String matchedId = JsonPath.read(matched, "$.verificationId");

        RawBsonDocument first = auditDocument(Filters.eq("_id", matchedId));
        RawBsonDocument second = auditDocument(Filters.eq("_id", JsonPath.<String>read(mismatched, "$.verificationId")));
        for (RawBsonDocument entry : List.of(first, second)) {
            assertThat(everyByte(entry)).doesNotContain(idNumber).doesNotContain(idNumber.toLowerCase())
                    .doesNotContain(idNumber.substring(6, 14)).doesNotContain(idNumber.substring(10))
                    .doesNotContain("卫小军").doesNotContain("卫大军").doesNotContain("小军");
            assertThat(entry.getString("clientId").getValue()).isEqualTo("portal");
            assertThat(entry.getString("ownerPath").getValue()).isEqualTo(HUBEI);
            assertThat(entry.get("at").isDateTime()).isTrue();
        }
        // the same person under two names: one blind index, so an investigation finds both calls
        assertThat(first.getString("personKey").getValue()).isNotBlank()
                .isEqualTo(second.getString("personKey").getValue());
        assertThat(first.getString("requestId").getValue()).isEqualTo(requestId);
        assertThat(first.getString("outcome").getValue()).isEqualTo("ACTIVE");
        assertThat(first.getString("disclosedOrgId").getValue()).isEqualTo(yunxi.id());
        assertThat(first.getString("subject").getValue()).isEqualTo(PORTAL_SUBJECT);

        assertThat(output.getAll()).contains("membership verification verificationId=" + matchedId)
                .doesNotContain(idNumber).doesNotContain("卫小军").doesNotContain("卫大军")
                .doesNotContain(first.getString("personKey").getValue());

        String page = mvc.perform(get(VERIFICATIONS + "/audit?size=200&clientId=portal")
                        .with(orgUser(HUBEI, "union-admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<List<String>>read(page, "$.items[*].verificationId")).contains(matchedId);
        assertThat(JsonPath.<List<String>>read(page, "$.items[?(@.verificationId=='" + matchedId + "')].requestId"))
                .containsExactly(requestId);
        assertThat(page).doesNotContain(first.getString("personKey").getValue()).doesNotContain(idNumber);

        // scoped in the query: a city's administrator sees none of the province's entries; others may not read
        String cityPage = mvc.perform(get(VERIFICATIONS + "/audit?size=200").with(orgUser(SHIYAN, "union-admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<List<String>>read(cityPage, "$.items[*].verificationId")).doesNotContain(matchedId);
        mvc.perform(get(VERIFICATIONS + "/audit").with(orgUser(HUBEI, "union-staff")))
                .andExpect(status().isForbidden());
        mvc.perform(get(VERIFICATIONS + "/audit").with(portal())).andExpect(status().isForbidden());
        mvc.perform(get(VERIFICATIONS + "/audit?size=201").with(orgUser(HUBEI, "union-admin")))
                .andExpect(status().isBadRequest());
    }

    private static final String PORTAL_SUBJECT = UUID.randomUUID().toString();

    /** The token Keycloak issues the portal client (see the realm): its service account's role and org path. */
    private static RequestPostProcessor portal() {
        return portalAt(HUBEI);
    }

    private static RequestPostProcessor portalAt(String orgPath) {
        Instant now = Instant.now();
        Jwt jwt = Jwt.withTokenValue("test-token").header("alg", "RS256")
                .subject(PORTAL_SUBJECT)
                .issuer("http://keycloak.test/realms/smartunion")
                .audience(List.of("smart-union-api"))
                .issuedAt(now).expiresAt(now.plusSeconds(300))
                .claim("azp", "portal")
                .claim("preferred_username", "service-account-portal")
                .claim("org_path", orgPath)
                .claim("realm_access", Map.of("roles", List.of("partner-portal")))
                .build();
        return TestJwts.authenticated(jwt);
    }

    private ResultActions verify(RequestPostProcessor caller, String idNumber, String name) throws Exception {
        return mvc.perform(post(VERIFICATIONS).with(caller).contentType(MediaType.APPLICATION_JSON)
                .content(json(idNumber, name)));
    }

    private static String json(String idNumber, String name) {
        return "{\"citizenIdNumber\":\"%s\",\"legalName\":\"%s\"}".formatted(idNumber, name);
    }

    private static Map<String, Object> withoutCallFields(String body) {
        Map<String, Object> answer = new LinkedHashMap<>(JsonPath.<Map<String, Object>>read(body, "$"));
        answer.remove("verifiedAt");
        answer.remove("verificationId");
        return answer;
    }

    private String registered(String orgId, String name, String idNumber, String phone) throws Exception {
        String body = mvc.perform(post(MEMBERS).with(orgUser(SHIYAN, "union-staff"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"orgId":"%s","legalName":"%s","citizenIdNumber":"%s",%s"joinChannel":"MOBILE_WINDOW"}"""
                                .formatted(orgId, name, idNumber,
                                        phone == null ? "" : "\"mobilePhone\":\"" + phone + "\",")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return JsonPath.read(body, "$.id");
    }

    private void staffAction(String memberId, String action, String json) throws Exception {
        mvc.perform(post(MEMBERS + "/" + memberId + "/" + action).with(orgUser(SHIYAN, "union-staff"))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isOk());
    }

    private RawBsonDocument auditDocument(Bson filter) {
        RawBsonDocument document = mongoClient.getDatabase(DATABASE)
                .getCollection("verification_audit", RawBsonDocument.class).find(filter).first();
        assertThat(document).as("audit entry").isNotNull();
        return document;
    }

    private long auditCount() {
        return mongoClient.getDatabase(DATABASE).getCollection("verification_audit").countDocuments();
    }

    private static String everyByte(RawBsonDocument document) {
        byte[] bytes = new byte[document.getByteBuffer().remaining()];
        document.getByteBuffer().get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
