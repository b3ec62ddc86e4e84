package cn.smartunion.membership.joining.adapter.in.web;

import cn.smartunion.membership.joining.JoiningTestSupport;
import cn.smartunion.membership.joining.domain.JoinCodeSigner;
import cn.smartunion.membership.member.TestIdentities;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static cn.smartunion.runtime.testing.TestJwts.orgUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 扫码入会 end to end: staff issue a code, a worker looks it up and applies with it, staff approve. */
class JoinCodeApiTest extends JoiningTestSupport {

    private static final String KEYS = "smartunion.membership.join-code.keys.";

    @Autowired Environment environment;

    @Test
    void aWorkerScansAUnionsCodeAppliesWithItAndBecomesAMemberThroughTheQrChannelAndItsCampaign() throws Exception {
        Instant validUntil = Instant.now().plus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String issued = body(issue(yunxi.id(), "{\"validUntil\":\"%s\",\"campaignId\":\"qr-2026\"}".formatted(validUntil),
                staff(YUNXI))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.orgId").value(yunxi.id()))
                .andExpect(jsonPath("$.orgName").value("郧西县总工会"))
                .andExpect(jsonPath("$.campaignId").value("qr-2026"))
                .andExpect(jsonPath("$.validUntil").value(validUntil.toString())));
        String token = JsonPath.read(issued, "$.token");
        assertThat(JsonPath.<String>read(issued, "$.joinUrl")).isEqualTo("https://member-app.test/join?code=" + token);
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+").hasSizeLessThan(200);

        Jwt worker = worker();
        lookup(token, as(worker)).andExpect(status().isOk())
                .andExpect(jsonPath("$.orgId").value(yunxi.id()))
                .andExpect(jsonPath("$.orgName").value("郧西县总工会"))
                .andExpect(jsonPath("$.campaignId").value("qr-2026"))
                .andExpect(jsonPath("$.validUntil").value(validUntil.toString()));
        String applicationId = id(apply(worker, """
                {"joinCode":"%s","legalName":"扫码人","citizenIdNumber":"%s","mobilePhone":"%s",
                 "groupTags":["COURIER"]}""".formatted(token, TestIdentities.citizenIdNumber(),
                TestIdentities.mobilePhone()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.joinChannel").value("QR_CODE"))
                .andExpect(jsonPath("$.campaignId").value("qr-2026"))
                .andExpect(jsonPath("$.org.id").value(yunxi.id())));
        String memberId = JsonPath.read(body(decide(applicationId, "approve", "{}", staff(YUNXI))
                .andExpect(status().isOk())), "$.approval.memberId");
        mvc.perform(get("/api/membership/v1/members/" + memberId).with(staff(YUNXI))).andExpect(status().isOk())
                .andExpect(jsonPath("$.joinChannel").value("QR_CODE"))
                .andExpect(jsonPath("$.campaignId").value("qr-2026"))
                .andExpect(jsonPath("$.applicationId").value(applicationId))
                .andExpect(jsonPath("$.org.id").value(yunxi.id()));

        // a code without a campaign; naming the same union again is fine, another union or channel is not
        String plain = JsonPath.read(body(issue(yunxi.id(), "{\"validUntil\":\"%s\"}".formatted(validUntil),
                staff(SHIYAN)).andExpect(status().isCreated())), "$.token");
        apply(worker(), """
                {"joinCode":"%s","orgId":"%s","legalName":"扫码人","citizenIdNumber":"%s","mobilePhone":"%s"}"""
                .formatted(plain, yunxi.id(), TestIdentities.citizenIdNumber(), TestIdentities.mobilePhone()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.campaignId").doesNotExist());
        apply(worker(), """
                {"joinCode":"%s","orgId":"%s","legalName":"扫码人","citizenIdNumber":"%s","mobilePhone":"%s"}"""
                .formatted(plain, zhushan.id(), TestIdentities.citizenIdNumber(), TestIdentities.mobilePhone()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("orgId"));
        apply(worker(), """
                {"joinCode":"%s","joinChannel":"ONLINE_APPLICATION","legalName":"扫码人","citizenIdNumber":"%s",
                 "mobilePhone":"%s"}""".formatted(plain, TestIdentities.citizenIdNumber(), TestIdentities.mobilePhone()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("joinChannel"));
        apply(worker(), """
                {"joinCode":"%s","campaignId":"other-2026","legalName":"扫码人","citizenIdNumber":"%s",
                 "mobilePhone":"%s"}""".formatted(token, TestIdentities.citizenIdNumber(), TestIdentities.mobilePhone()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("campaignId"));
        apply(worker(), """
                {"orgId":"%s","joinChannel":"QR_CODE","legalName":"扫码人","citizenIdNumber":"%s","mobilePhone":"%s"}"""
                .formatted(yunxi.id(), TestIdentities.citizenIdNumber(), TestIdentities.mobilePhone()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("joinChannel"));
    }

    @Test
    void aTamperedOrForeignCodeIsNotFoundAnExpiredOneIsGoneAndNeitherIsEverA500() throws Exception {
        Instant now = Instant.now();
        String token = JsonPath.read(body(issue(yunxi.id(), "{\"validUntil\":\"%s\"}"
                .formatted(now.plus(Duration.ofDays(7))), staff(YUNXI)).andExpect(status().isCreated())), "$.token");
        RequestPostProcessor worker = as(worker());

        int last = token.length() - 1;
        String tampered = token.substring(0, last) + (token.charAt(last) == 'A' ? 'B' : 'A');
        String forged = signer("test-2026", "forged-key-0123456789abcdef-0123")
                .sign(yunxi.id(), null, now.plus(Duration.ofDays(7)), now).token();
        String expired = signer("test-2026", null).sign(yunxi.id(), null, now.minus(Duration.ofMinutes(1)),
                now.minus(Duration.ofDays(2))).token();
        for (String bad : new String[]{tampered, forged, "not-a-code", "a.b", "x".repeat(300) + "." + "y".repeat(43)}) {
            lookup(bad, worker).andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            applyWithCode(bad).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.violations[0].field").value("joinCode"));
        }
        lookup(expired, worker).andExpect(status().isGone())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:join-code-expired"));
        applyWithCode(expired).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("joinCode"))
                .andExpect(jsonPath("$.violations[0].message").value(org.hamcrest.Matchers.containsString("expired")));
        // staff may preview a poster's code; other roles may not look codes up
        lookup(token, staff(ZHUSHAN)).andExpect(status().isOk());
        lookup(token, orgUser(YUNXI, "aid-officer")).andExpect(status().isForbidden());
        mvc.perform(get("/api/membership/v1/join-codes/" + token)).andExpect(status().isUnauthorized());
    }

    @Test
    void codesSignedWithTheEarlierKeyStillWorkAfterRotationAndUnknownKeysDoNot() throws Exception {
        Instant now = Instant.now();
        String beforeRotation = signer("test-2025", null).sign(yunxi.id(), "old-poster", now.plus(Duration.ofDays(3)),
                now).token();
        lookup(beforeRotation, as(worker())).andExpect(status().isOk())
                .andExpect(jsonPath("$.campaignId").value("old-poster"));
        applyWithCode(beforeRotation).andExpect(status().isCreated())
                .andExpect(jsonPath("$.joinChannel").value("QR_CODE"));

        String newCode = JsonPath.read(body(issue(yunxi.id(), "{\"validUntil\":\"%s\"}"
                .formatted(now.plus(Duration.ofDays(3))), staff(YUNXI))), "$.token");
        assertThat(signer("test-2026", null).verify(newCode, now).keyId()).isEqualTo("test-2026");

        String retired = signer("test-2024", "retired-key-0123456789abcdef-012")
                .sign(yunxi.id(), null, now.plus(Duration.ofDays(3)), now).token();
        lookup(retired, as(worker())).andExpect(status().isNotFound());
    }

    @Test
    void onlyStaffOverTheUnionIssueCodesForAtMostAYear() throws Exception {
        String inAMonth = "{\"validUntil\":\"%s\"}".formatted(Instant.now().plus(Duration.ofDays(30)));
        issue(yunxi.id(), inAMonth, staff(ZHUSHAN)).andExpect(status().isNotFound());
        issue("no-such-org", inAMonth, staff(HUBEI)).andExpect(status().isNotFound());
        issue(yunxi.id(), inAMonth, as(worker())).andExpect(status().isForbidden());
        issue(yunxi.id(), inAMonth, orgUser(HUBEI, "union-admin")).andExpect(status().isCreated());
        issue(yunxi.id(), "{\"validUntil\":\"%s\"}".formatted(Instant.now().plus(Duration.ofDays(400))), staff(YUNXI))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("validUntil"));
        issue(yunxi.id(), "{\"validUntil\":\"%s\"}".formatted(Instant.now().minus(Duration.ofDays(1))), staff(YUNXI))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("validUntil"));
        issue(yunxi.id(), "{}", staff(YUNXI)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("validUntil"));
        issue(yunxi.id(), "{\"validUntil\":\"tomorrow\"}", staff(YUNXI)).andExpect(status().isBadRequest());
        issue(yunxi.id(), "{\"validUntil\":\"%s\",\"campaignId\":\"has space\"}"
                .formatted(Instant.now().plus(Duration.ofDays(30))), staff(YUNXI))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("campaignId"));
    }

    private ResultActions issue(String orgId, String json, RequestPostProcessor caller) throws Exception {
        return mvc.perform(post("/api/membership/v1/orgs/" + orgId + "/join-codes").with(caller)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions lookup(String token, RequestPostProcessor caller) throws Exception {
        return mvc.perform(get("/api/membership/v1/join-codes/" + token).with(caller));
    }

    private ResultActions applyWithCode(String token) throws Exception {
        return apply(worker(), """
                {"joinCode":"%s","legalName":"扫码人","citizenIdNumber":"%s","mobilePhone":"%s"}"""
                .formatted(token, TestIdentities.citizenIdNumber(), TestIdentities.mobilePhone()));
    }

    /** A signer with one key: the configured test key of that id, or {@code otherKey} (an impostor's or retired). */
    private JoinCodeSigner signer(String keyId, String otherKey) {
        byte[] key = otherKey != null ? otherKey.getBytes(java.nio.charset.StandardCharsets.US_ASCII)
                : Base64.getDecoder().decode(environment.getRequiredProperty(KEYS + keyId));
        return new JoinCodeSigner(Map.of(keyId, key), keyId);
    }
}
