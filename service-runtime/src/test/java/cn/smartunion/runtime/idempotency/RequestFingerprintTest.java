package cn.smartunion.runtime.idempotency;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.smartunion.runtime.idempotency.IdempotencyRecords.Scope;
import cn.smartunion.runtime.testing.TestJwts;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import cn.smartunion.runtime.scope.OrgJwtAuthenticationConverter;

import static org.assertj.core.api.Assertions.assertThat;

class RequestFingerprintTest {

    private static final byte[] BODY = body("{\"by\":1}");

    private static final String PATH = "/api/aid/v1/cases/42/claims";

    private final String fingerprint = RequestFingerprint.of("POST", PATH, null, "application/json", BODY);

    @Test
    void theSameRequestHasTheSameFingerprint() {
        assertThat(RequestFingerprint.of("POST", PATH, null, "application/json", body("{\"by\":1}")))
            .isEqualTo(fingerprint)
            .hasSize(64);
    }

    @Test
    void everyPartOfTheRequestCounts() {
        assertThat(List.of(
                RequestFingerprint.of("PUT", PATH, null, "application/json", BODY),
                RequestFingerprint.of("POST", PATH + "/x", null, "application/json", BODY),
                RequestFingerprint.of("POST", PATH, "dryRun=true", "application/json", BODY),
                RequestFingerprint.of("POST", PATH, "", "application/json", BODY),
                RequestFingerprint.of("POST", PATH, null, "application/xml", BODY),
                RequestFingerprint.of("POST", PATH, null, null, BODY),
                RequestFingerprint.of("POST", PATH, null, "application/json", body("{\"by\":2}")),
                RequestFingerprint.of("POST", PATH, null, "application/json", body(""))))
            .doesNotContain(fingerprint)
            .doesNotHaveDuplicates();
    }

    @Test
    void partsAreLengthPrefixedSoShiftingABoundaryBetweenThemChangesTheFingerprint() {
        assertThat(RequestFingerprint.of("POST", "/ab", null, null, BODY))
            .isNotEqualTo(RequestFingerprint.of("POST", "/a", "b", null, BODY));
        assertThat(new Scope("sub=a", "POST", "/b", "key-12345").id())
            .isNotEqualTo(new Scope("sub=a", "POST", "/bk", "ey-12345").id())
            .isEqualTo(new Scope("sub=a", "POST", "/b", "key-12345").id());
    }

    @Test
    void contentTypesAreComparedWithoutCaseOrSpacesAndMultipartWithoutItsBoundary() {
        assertThat(RequestFingerprint.normalisedContentType("Application/JSON; charset=UTF-8"))
            .isEqualTo("application/json;charset=utf-8");
        assertThat(RequestFingerprint.of("POST", PATH, null, "application/json;charset=utf-8", BODY))
            .isEqualTo(RequestFingerprint.of("POST", PATH, null, "application/json; charset=UTF-8", BODY));
        assertThat(RequestFingerprint.normalisedContentType("multipart/form-data; boundary=----abc"))
            .isEqualTo("multipart/form-data");
    }

    @Test
    void formsAreComparedByTheirSortedParameters() {
        Map<String, String[]> sent = new LinkedHashMap<>();
        sent.put("b", new String[] { "2" });
        sent.put("a", new String[] { "1", "x" });
        Map<String, String[]> reordered = new LinkedHashMap<>();
        reordered.put("a", new String[] { "1", "x" });
        reordered.put("b", new String[] { "2" });
        Map<String, String[]> otherValueOrder = Map.of("a", new String[] { "x", "1" }, "b", new String[] { "2" });

        assertThat(RequestFingerprint.formDigest(sent)).isEqualTo(RequestFingerprint.formDigest(reordered));
        assertThat(RequestFingerprint.formDigest(sent)).isNotEqualTo(RequestFingerprint.formDigest(otherValueOrder));
    }

    @Test
    void onlyFinalAnswersAreStored() {
        assertThat(List.of(200, 201, 204, 303, 400, 404, 409, 410, 422)).allMatch(IdempotencyFilter::storable);
        assertThat(List.of(100, 408, 429, 500, 502, 503, 504)).noneMatch(IdempotencyFilter::storable);
    }

    @Test
    void theCallerIsTheTokenSubjectAndItsClient() {
        OrgJwtAuthenticationConverter converter = new OrgJwtAuthenticationConverter();
        Jwt user = TestJwts.orgUserJwt("420000", "staff");
        Jwt partner = TestJwts.partnerClientJwt("court-portal", "rights.referrals.write");

        assertThat(IdempotencyFilter.callerOf(converter.convert(user))).isEqualTo("sub=" + user.getSubject() + ";azp=");
        assertThat(IdempotencyFilter.callerOf(converter.convert(partner)))
            .isEqualTo("sub=" + partner.getSubject() + ";azp=court-portal");
        assertThat(IdempotencyFilter.callerOf(new TestingAuthenticationToken("alice", null, "ROLE_staff")))
            .isEqualTo("name=alice");
        assertThat(IdempotencyFilter.callerOf(new AnonymousAuthenticationToken("key", "anonymous",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")))).isNull();
        assertThat(IdempotencyFilter.callerOf(null)).isNull();
    }

    private static byte[] body(String json) {
        return RequestFingerprint.bodyDigest(json.getBytes(StandardCharsets.UTF_8));
    }
}
