package cn.smartunion.runtime.idempotency;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import cn.smartunion.runtime.testing.MongoWireServer;
import cn.smartunion.runtime.testing.TestJwtIssuer;
import cn.smartunion.runtime.testing.TestPersonalDataKeys;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static cn.smartunion.runtime.idempotency.IdempotencyTestApplication.COUNTERS;
import static cn.smartunion.runtime.idempotency.IdempotencyTestApplication.CRASHES;
import static cn.smartunion.runtime.idempotency.IdempotencyTestApplication.HOLDS;
import static cn.smartunion.runtime.idempotency.IdempotencyTestApplication.attempts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Idempotency-Key through a real port, a real token check and the Mongo wire server, on controllers that know
 * nothing of it. Retries here come one after another; {@link ConcurrentRetriesTest} sends them at once.
 */
@SpringBootTest(classes = IdempotencyTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { TestPersonalDataKeys.AES_KEY, TestPersonalDataKeys.ACTIVE_KEY_ID,
                TestPersonalDataKeys.BLIND_INDEX_KEY, "smartunion.idempotency.in-progress-wait=200ms",
                "smartunion.idempotency.max-stored-body=1KB" })
class IdempotentWritesTest {

    private static final TestJwtIssuer ISSUER = TestJwtIssuer.start();

    private static final String AUDIENCE = "smartunion-api";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String REPLAYED = IdempotencyKeyHeader.REPLAYED;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private TestClient client;

    private final String token = ISSUER.orgUserToken("420000/420300", AUDIENCE, "staff");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ISSUER.registerResourceServer(registry, AUDIENCE);
        MongoWireServer.registerUri(registry, "idempotent-writes-test");
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @BeforeEach
    void client() {
        client = new TestClient(port);
    }

    @Test
    void retriesGetTheFirstResponseAgainAndTheWriteTakesEffectOnce() {
        String id = newId();
        String key = UUID.randomUUID().toString();
        String path = "/test/idem/counters/" + id + "/increments";

        HttpResponse<String> first = client.postJson(path, token, key, "{\"by\":5}");
        HttpResponse<String> second = client.postJson(path, token, key, "{\"by\":5}");
        HttpResponse<String> third = client.postJson(path, token, "\"" + key + "\"", "{\"by\":5}");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue(REPLAYED)).isEmpty();
        for (HttpResponse<String> retry : List.of(second, third)) {
            assertThat(retry.statusCode()).isEqualTo(201);
            assertThat(retry.body()).isEqualTo(first.body());
            for (String header : List.of("Location", "ETag", "Last-Modified", "Content-Type")) {
                assertThat(retry.headers().firstValue(header)).as(header).isPresent()
                    .isEqualTo(first.headers().firstValue(header));
            }
            assertThat(retry.headers().firstValue(REPLAYED)).hasValue("true");
            assertThat(retry.headers().firstValue("X-Request-Id")).isPresent()
                .isNotEqualTo(first.headers().firstValue("X-Request-Id"));
        }
        assertEffects(id, 5, 1);

        Document record = record(key);
        assertThat(record.getString("state")).isEqualTo("COMPLETED");
        assertThat(record.getString("method")).isEqualTo("POST");
        assertThat(record.getString("path")).isEqualTo(path);
        assertThat(record.getDate("expiresAt")).isBetween(Date.from(Instant.now().plus(Duration.ofHours(23))),
                Date.from(Instant.now().plus(Duration.ofHours(25))));
        assertThat(record.toJson()).as("the request body is never stored").doesNotContain("\"by\"");
    }

    @Test
    void theSameKeyForAnotherRequestIs422AndChangesNothing() throws Exception {
        String id = newId();
        String key = UUID.randomUUID().toString();
        String path = "/test/idem/counters/" + id + "/increments";
        assertThat(client.postJson(path, token, key, "{\"by\":1}").statusCode()).isEqualTo(201);

        HttpResponse<String> otherBody = client.postJson(path, token, key, "{\"by\":2}");
        HttpResponse<String> otherQuery = client.postJson(path + "?note=again", token, key, "{\"by\":1}");
        HttpResponse<String> otherType = client.send(client.request(path, token, key)
            .header("Content-Type", "application/json;charset=UTF-16")
            .POST(HttpRequest.BodyPublishers.ofString("{\"by\":1}", StandardCharsets.UTF_16)));

        for (HttpResponse<String> reused : List.of(otherBody, otherQuery, otherType)) {
            assertThat(reused.statusCode()).isEqualTo(422);
            assertProblem(reused, "urn:smartunion:problem:idempotency-key-reused");
            assertThat(reused.headers().firstValue(REPLAYED)).isEmpty();
        }
        assertEffects(id, 1, 1);

        // a key belongs to its path: the same key on another resource is another key
        String otherId = newId();
        HttpResponse<String> elsewhere = client.postJson("/test/idem/counters/" + otherId + "/increments", token, key,
                "{\"by\":2}");
        assertThat(elsewhere.statusCode()).isEqualTo(201);
        assertEffects(otherId, 2, 1);
    }

    @Test
    void anInvalidKeyIs400NamingTheHeaderAndNothingRuns() throws Exception {
        String id = newId();
        String path = "/test/idem/counters/" + id + "/increments";
        List<HttpResponse<String>> rejected = new ArrayList<>();
        for (String key : List.of("short", "has a space", "k".repeat(129), "\"unterminated-key")) {
            rejected.add(client.postJson(path, token, key, "{\"by\":1}"));
        }
        rejected.add(client.send(client.request(path, token, "first-key-1234").header(IdempotencyKeyHeader.NAME,
                "second-key-5678").header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"by\":1}"))));

        for (HttpResponse<String> response : rejected) {
            assertThat(response.statusCode()).isEqualTo(400);
            JsonNode problem = assertProblem(response, "urn:smartunion:problem:malformed-request");
            assertThat(problem.get("violations").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
            assertThat(problem.get("violations").get(0).get("message").asString())
                .isEqualTo("must be 8 to 128 visible ASCII characters, sent once");
        }
        assertThat(attempts(id)).isZero();
    }

    @Test
    void theTokenCheckAndTheBodyLimitComeFirstAndClaimNothing() {
        String id = newId();
        String path = "/test/idem/counters/" + id + "/increments";
        String unauthenticatedKey = UUID.randomUUID().toString();
        String oversizedKey = UUID.randomUUID().toString();

        HttpResponse<String> unauthenticated = client.postJson(path, "not-a-token", unauthenticatedKey, "{\"by\":1}");
        // a chunked body (no Content-Length) is counted while this filter reads it, and stopped at 1MB
        byte[] twoMegabytes = ("{\"by\":1,\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> oversized = client.send(client.request(path, token, oversizedKey)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(twoMegabytes))));

        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(oversized.statusCode()).isEqualTo(413);
        assertProblem(oversized, "urn:smartunion:problem:payload-too-large");
        for (String key : List.of(unauthenticatedKey, oversizedKey)) {
            assertThat(mongo.findOne(query(where("key").is(key)), Document.class, recordsCollection())).isNull();
        }
        assertThat(attempts(id)).isZero();
    }

    @Test
    void withoutAKeyEveryRequestRunsAndReadsIgnoreTheHeader() throws Exception {
        String id = newId();
        String path = "/test/idem/counters/" + id + "/increments";

        HttpResponse<String> first = client.postJson(path, token, null, "{\"by\":1}");
        HttpResponse<String> second = client.postJson(path, token, null, "{\"by\":1}");

        assertThat(List.of(first, second)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.headers().firstValue(REPLAYED)).isEmpty();
        });
        assertThat(second.body()).isNotEqualTo(first.body());
        assertEffects(id, 2, 2);

        HttpResponse<String> read = client.send(client.request("/test/idem/counters/" + id, token, "bad").GET());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(read.body()).get("value").asInt()).isEqualTo(2);
    }

    @Test
    void differentCallersWithTheSameKeyAreIndependent() {
        String id = newId();
        String key = UUID.randomUUID().toString();
        String path = "/test/idem/counters/" + id + "/increments";
        String otherUser = ISSUER.orgUserToken("420000/420300", AUDIENCE, "staff");
        // two partner systems' client-credentials tokens that happen to share a subject: told apart by client id
        String bankA = ISSUER.token(claims -> claims.audience(AUDIENCE).subject("service-account")
            .claim("azp", "bank-a").claim("scope", "aid.write"));
        String bankB = ISSUER.token(claims -> claims.audience(AUDIENCE).subject("service-account")
            .claim("azp", "bank-b").claim("scope", "aid.write"));

        List<HttpResponse<String>> firsts = new ArrayList<>();
        for (String caller : List.of(token, otherUser, bankA, bankB)) {
            firsts.add(client.postJson(path, caller, key, "{\"by\":1}"));
        }

        assertThat(firsts).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.headers().firstValue(REPLAYED)).isEmpty();
        });
        assertEffects(id, 4, 4);
        HttpResponse<String> bankBRetry = client.postJson(path, bankB, key, "{\"by\":1}");
        assertThat(bankBRetry.headers().firstValue(REPLAYED)).hasValue("true");
        assertThat(bankBRetry.body()).isEqualTo(firsts.get(3).body());
        assertEffects(id, 4, 4);
    }

    @Test
    void problemAnswersAreFinalAndReplayedAsServed() throws Exception {
        String id = newId();
        List<String> paths = List.of("/test/idem/conflicts/" + id, "/test/idem/missing/" + id,
                "/test/idem/gone/" + id, "/test/idem/counters/" + id + "/increments");
        List<Integer> statuses = List.of(409, 404, 410, 400);
        List<String> types = List.of("conflict", "not-found", "request-failed", "validation");

        for (int i = 0; i < paths.size(); i++) {
            String key = UUID.randomUUID().toString();
            HttpResponse<String> first = client.postJson(paths.get(i), token, key, "{\"by\":0}");
            HttpResponse<String> retry = client.postJson(paths.get(i), token, key, "{\"by\":0}");

            assertThat(first.statusCode()).as(paths.get(i)).isEqualTo(statuses.get(i));
            JsonNode problem = assertProblem(first, "urn:smartunion:problem:" + types.get(i));
            assertThat(problem.get("requestId").asString()).isEqualTo(first.headers().firstValue("X-Request-Id")
                .orElseThrow());
            assertThat(retry.statusCode()).isEqualTo(first.statusCode());
            assertThat(retry.body()).as("the first request's problem, its requestId included").isEqualTo(first.body());
            assertThat(retry.headers().firstValue("Content-Type"))
                .isEqualTo(first.headers().firstValue("Content-Type"));
            assertThat(retry.headers().firstValue(REPLAYED)).hasValue("true");
        }
        assertThat(attempts(id)).as("conflict, missing and gone each ran once").isEqualTo(3);
        assertThat(mongo.findById(id, Document.class, COUNTERS)).isNull();
    }

    @Test
    void serverErrorsAndTryLaterAnswersAreNotStoredSoTheRetryRuns() throws Exception {
        for (String fail : List.of("500", "503", "429")) {
            String id = newId();
            String key = UUID.randomUUID().toString();
            String path = "/test/idem/flaky/" + id + "?fail=" + fail;

            HttpResponse<String> failed = client.postJson(path, token, key, "");
            HttpResponse<String> retried = client.postJson(path, token, key, "");
            HttpResponse<String> replayed = client.postJson(path, token, key, "");

            assertThat(failed.statusCode()).isEqualTo(Integer.parseInt(fail));
            assertThat(retried.statusCode()).isEqualTo(201);
            assertThat(retried.headers().firstValue(REPLAYED)).isEmpty();
            assertThat(replayed.statusCode()).isEqualTo(201);
            assertThat(replayed.headers().firstValue(REPLAYED)).hasValue("true");
            assertThat(replayed.body()).isEqualTo(retried.body());
            assertThat(attempts(id)).isEqualTo(2);
            assertEffects(id, 1, 1);
        }
    }

    @Test
    void aRetryWhileTheFirstRunsGets409AndAClaimAbandonedByACrashIsTakenOver() throws Exception {
        String id = newId();
        String key = UUID.randomUUID().toString();
        String path = "/test/idem/held/" + id;
        CountDownLatch release = new CountDownLatch(1);
        HOLDS.put(id, release);
        CRASHES.add(id);
        try {
            CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(
                    () -> client.postJson(path, token, key, "{\"by\":1}"));
            await().atMost(Duration.ofSeconds(30)).until(() -> attempts(id) == 1);

            HttpResponse<String> busy = client.postJson(path, token, key, "{\"by\":1}");
            assertThat(busy.statusCode()).isEqualTo(409);
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
            assertProblem(busy, "urn:smartunion:problem:idempotency-key-in-progress");

            // the first request's process dies: nobody renews or completes its claim, and the lease runs out
            mongo.updateFirst(query(where("key").is(key)),
                    Update.update("leaseExpiresAt", Date.from(Instant.now().minusSeconds(1))),
                    IdempotentWritesTest.recordsCollection());
            HttpResponse<String> takeover = client.postJson(path, token, key, "{\"by\":1}");
            assertThat(takeover.statusCode()).isEqualTo(201);
            assertThat(takeover.headers().firstValue(REPLAYED)).isEmpty();

            // the "dead" request wakes up and fails before its effect; it cannot disturb the new owner's record
            release.countDown();
            assertThat(first.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(500);
            HttpResponse<String> replay = client.postJson(path, token, key, "{\"by\":1}");
            assertThat(replay.statusCode()).isEqualTo(201);
            assertThat(replay.headers().firstValue(REPLAYED)).hasValue("true");
            assertThat(replay.body()).isEqualTo(takeover.body());
        }
        finally {
            release.countDown();
        }
        assertThat(attempts(id)).isEqualTo(2);
        assertEffects(id, 1, 1);
        assertThat(record(key).getString("state")).isEqualTo("COMPLETED");
    }

    @Test
    void asyncHandlersAreStoredWhenTheirResultIsWritten() {
        String id = newId();
        String key = UUID.randomUUID().toString();
        String path = "/test/idem/async/" + id;

        HttpResponse<String> first = client.postJson(path, token, key, "{\"by\":3}");
        HttpResponse<String> retry = client.postJson(path, token, key, "{\"by\":3}");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue(REPLAYED)).hasValue("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertEffects(id, 3, 1);
    }

    @Test
    void aResponseTooLargeToStoreIsNeverRepeatedAndReplaysWithoutItsBody() {
        String id = newId();
        String key = UUID.randomUUID().toString();
        String path = "/test/idem/large/" + id;

        HttpResponse<String> first = client.postJson(path, token, key, "");
        HttpResponse<String> retry = client.postJson(path, token, key, "");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).hasSize(4096);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.headers().firstValue(REPLAYED)).hasValue("true");
        assertThat(retry.body()).isEmpty();
        assertThat(retry.headers().firstValue("Content-Type")).isEmpty();
        assertThat(attempts(id)).isEqualTo(1);
        assertThat(record(key).get("response", Document.class).getBoolean("bodyOmitted")).isTrue();
    }

    @Test
    void aBodyMarkedNotToBeStoredIsNeverKeptAndItsRetriesGetItsStatusAndHeadersOnly() {
        String id = newId();
        String key = UUID.randomUUID().toString();
        String path = "/test/idem/secrets/" + id;

        HttpResponse<String> first = client.postJson(path, token, key, "");
        HttpResponse<String> retry = client.postJson(path, token, key, "");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.body()).contains("one-time-" + id);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue(REPLAYED)).hasValue("true");
        assertThat(retry.headers().firstValue("Location")).hasValue("/test/idem/secrets/" + id);
        assertThat(retry.body()).isEmpty();
        assertThat(attempts(id)).isEqualTo(1);
        assertThat(record(key).toJson()).doesNotContain("one-time-");
    }

    @Test
    void uploadsAreComparedByTheirPartsNotByTheirBoundary() {
        String id = newId();
        String key = UUID.randomUUID().toString();
        String path = "/test/idem/uploads/" + id;

        HttpResponse<String> first = upload(path, key, "boundary-one", "name,idNumber\nA,1\n");
        HttpResponse<String> retry = upload(path, key, "boundary-two", "name,idNumber\nA,1\n");
        HttpResponse<String> otherFile = upload(path, key, "boundary-three", "name,idNumber\nB,2\n");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue(REPLAYED)).hasValue("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(otherFile.statusCode()).isEqualTo(422);
        assertThat(attempts(id)).isEqualTo(1);
    }

    @Test
    void formsAreComparedByTheirParametersInAnyOrder() {
        String id = newId();
        String key = UUID.randomUUID().toString();
        String path = "/test/idem/forms/" + id;

        HttpResponse<String> first = form(path, key, "by=2&note=%E9%80%81%E6%B8%A9%E6%9A%96");
        HttpResponse<String> retry = form(path, key, "note=%E9%80%81%E6%B8%A9%E6%9A%96&by=2");
        HttpResponse<String> otherValue = form(path, key, "by=3&note=%E9%80%81%E6%B8%A9%E6%9A%96");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue(REPLAYED)).hasValue("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(otherValue.statusCode()).isEqualTo(422);
        assertEffects(id, 2, 1);
    }

    @Test
    void theOpenApiDocumentOffersTheHeaderOnEveryWrite() throws Exception {
        HttpResponse<String> response = client.send(client.request("/v3/api-docs", token, null).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = JSON.readTree(response.body()).get("paths");
        JsonNode write = paths.get("/test/idem/counters/{id}/increments").get("post");
        JsonNode header = null;
        for (JsonNode parameter : write.get("parameters")) {
            if (parameter.get("name").asString().equals("Idempotency-Key")) {
                header = parameter;
            }
        }
        assertThat(header).isNotNull();
        assertThat(header.get("in").asString()).isEqualTo("header");
        assertThat(header.get("required").asBoolean()).isFalse();
        assertThat(header.get("schema").get("maxLength").asInt()).isEqualTo(128);
        assertThat(header.get("description").asString()).contains("for 24 hours");
        assertThat(write.get("responses").has("422")).isTrue();
        // springdoc cannot see the 201 inside a ResponseEntity and documents the handler's answer as 200
        assertThat(write.get("responses").get("200").get("headers").has(REPLAYED)).isTrue();
        JsonNode read = paths.get("/test/idem/counters/{id}").get("get");
        assertThat(read.toString()).doesNotContain("Idempotency-Key");
    }

    @Test
    void keysExpireThroughATtlIndex() {
        client.postJson("/test/idem/counters/" + newId() + "/increments", token, UUID.randomUUID().toString(),
                "{\"by\":1}");

        List<Document> indexes = mongo.getCollection(recordsCollection()).listIndexes().into(new ArrayList<>());
        assertThat(indexes).anySatisfy(index -> {
            assertThat(index.get("key", Document.class)).containsEntry("expiresAt", 1);
            assertThat(((Number) index.get("expireAfterSeconds")).longValue()).isZero();
        });
    }

    private HttpResponse<String> form(String path, String key, String form) {
        return client.send(client.request(path, token, key)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpResponse<String> upload(String path, String key, String boundary, String csv) {
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"roster.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return client.send(client.request(path, token, key)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private void assertEffects(String id, int value, int events) {
        Document counter = mongo.findById(id, Document.class, COUNTERS);
        assertThat(counter).isNotNull();
        assertThat(counter.getInteger("value")).isEqualTo(value);
        assertThat(counter.getList("outbox", Document.class)).hasSize(events);
    }

    private Document record(String key) {
        Document record = mongo.findOne(query(where("key").is(key)), Document.class, recordsCollection());
        assertThat(record).isNotNull();
        return record;
    }

    private static JsonNode assertProblem(HttpResponse<String> response, String type) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo(type);
        return problem;
    }

    static String recordsCollection() {
        return IdempotencyRecords.COLLECTION;
    }

    private static String newId() {
        return "c-" + UUID.randomUUID();
    }
}
