package cn.smartunion.membership.joining;

import cn.smartunion.contracts.Topics;
import cn.smartunion.membership.member.MemberServiceTestSupport;
import cn.smartunion.runtime.testing.TestJwts;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The running service (shared context of the member tests) plus callers and requests of the joining API. */
public abstract class JoiningTestSupport extends MemberServiceTestSupport {

    protected static final String APPLICATIONS = "/api/membership/v1/applications";
    protected static final String MY_APPLICATIONS = "/api/membership/v1/me/applications";

    @Autowired protected MockMvc mvc;

    /**
     * A worker's token as Keycloak issues it to the member app: role {@code member}, a stable subject (their account)
     * and no {@code org_path}, since a worker who is not a member yet belongs to no union.
     */
    protected static Jwt worker() {
        Instant now = Instant.now();
        String subject = UUID.randomUUID().toString();
        return Jwt.withTokenValue("test-token").header("alg", "RS256").subject(subject)
                .issuer("http://keycloak.test/realms/smartunion").audience(List.of("smartunion-api"))
                .issuedAt(now).expiresAt(now.plusSeconds(300))
                .claim("preferred_username", "worker-" + subject.substring(0, 8))
                .claim("realm_access", Map.of("roles", List.of("member")))
                .build();
    }

    /** A staff member with a stable subject, so that submitter and approver can be compared. */
    protected static Jwt staffJwt(String orgPath) {
        return TestJwts.orgUserJwt(orgPath, "union-staff");
    }

    protected static RequestPostProcessor as(Jwt jwt) {
        return TestJwts.authenticated(jwt);
    }

    protected static RequestPostProcessor staff(String orgPath) {
        return TestJwts.orgUser(orgPath, "union-staff");
    }

    protected ResultActions apply(Jwt worker, String json) throws Exception {
        return mvc.perform(post(APPLICATIONS).with(as(worker)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    protected ResultActions onBehalf(RequestPostProcessor staff, String json) throws Exception {
        return mvc.perform(post(APPLICATIONS + "/on-behalf").with(staff).contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    protected ResultActions decide(String applicationId, String decision, String json, RequestPostProcessor staff)
            throws Exception {
        var request = post(APPLICATIONS + "/" + applicationId + "/" + decision).with(staff);
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request);
    }

    /** A worker's application to {@code orgId} that was accepted; returns its id. */
    protected String applied(Jwt worker, String orgId, String name, String idNumber, String phone) throws Exception {
        return id(apply(worker, application(orgId, name, idNumber, phone)).andExpect(status().isCreated()));
    }

    protected static String application(String orgId, String name, String idNumber, String phone) {
        return """
                {"orgId":"%s","legalName":"%s","citizenIdNumber":"%s","mobilePhone":"%s",
                 "groupTags":["COURIER"]}""".formatted(orgId, name, idNumber, phone);
    }

    protected static String id(ResultActions result) throws Exception {
        return JsonPath.read(body(result), "$.id");
    }

    protected static String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    protected Consumer<String, String> applicationEvents() {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "application-test-" + UUID.randomUUID(),
                false);
        props.put("auto.offset.reset", "earliest");
        Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                new StringDeserializer()).createConsumer();
        consumer.subscribe(List.of(Topics.MEMBERSHIP_APPLICATION));
        return consumer;
    }
}
