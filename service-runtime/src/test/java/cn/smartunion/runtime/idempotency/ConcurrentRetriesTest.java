package cn.smartunion.runtime.idempotency;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.smartunion.runtime.testing.MongoWireServer;
import cn.smartunion.runtime.testing.TestJwtIssuer;
import cn.smartunion.runtime.testing.TestPersonalDataKeys;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static cn.smartunion.runtime.idempotency.IdempotencyTestApplication.COUNTERS;
import static cn.smartunion.runtime.idempotency.IdempotencyTestApplication.HOLDS;
import static cn.smartunion.runtime.idempotency.IdempotencyTestApplication.attempts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One key sent 100 times by 10 threads at once through a real port: one state change, one event, and 100 identical
 * responses. The first request is held inside the controller until the other nine threads' requests are seen
 * waiting on its claim, so the retries really overlap it; the in-progress wait is long enough that every retry
 * gets the replay rather than a 409.
 */
@SpringBootTest(classes = IdempotencyTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { TestPersonalDataKeys.AES_KEY, TestPersonalDataKeys.ACTIVE_KEY_ID,
                TestPersonalDataKeys.BLIND_INDEX_KEY, "smartunion.idempotency.in-progress-wait=60s" })
class ConcurrentRetriesTest {

    private static final TestJwtIssuer ISSUER = TestJwtIssuer.start();

    private static final String AUDIENCE = "smartunion-api";

    private static final int THREADS = 10;

    private static final int REQUESTS = 100;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ISSUER.registerResourceServer(registry, AUDIENCE);
        MongoWireServer.registerUri(registry, "idempotency-concurrency-test");
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @Test
    void oneKeySentAHundredTimesByTenThreadsTakesEffectOnceAndAllGetTheSameResponse() throws Exception {
        TestClient client = new TestClient(port);
        String token = ISSUER.orgUserToken("420000/420300", AUDIENCE, "member");
        String id = "c-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String path = "/test/idem/held/" + id;
        CountDownLatch release = new CountDownLatch(1);
        HOLDS.put(id, release);
        double waitingBefore = waited();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        List<HttpResponse<String>> responses = new ArrayList<>();
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                sent.add(threads.submit(() -> client.postJson(path, token, key, "{\"by\":1}")));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> waited() - waitingBefore >= THREADS - 1);
            release.countDown();
            for (Future<HttpResponse<String>> response : sent) {
                responses.add(response.get(90, TimeUnit.SECONDS));
            }
        }
        finally {
            release.countDown();
            threads.shutdownNow();
        }

        assertThat(responses).hasSize(REQUESTS).allSatisfy(response -> assertThat(response.statusCode())
            .isEqualTo(201));
        assertThat(responses.stream().map(HttpResponse::body).distinct()).hasSize(1);
        for (String header : List.of("Location", "ETag", "Last-Modified", "Content-Type")) {
            assertThat(responses.stream().map(response -> response.headers().firstValue(header).orElseThrow())
                .distinct()).as(header).hasSize(1);
        }
        assertThat(responses.stream().filter(response -> response.headers().firstValue(IdempotencyKeyHeader.REPLAYED)
            .isEmpty())).as("responses not replayed").hasSize(1);
        assertThat(attempts(id)).isEqualTo(1);
        Document counter = mongo.findById(id, Document.class, COUNTERS);
        assertThat(counter.getInteger("value")).isEqualTo(1);
        assertThat(counter.getList("outbox", Document.class)).hasSize(1);
    }

    private double waited() {
        Counter waited = meters.find("smartunion.idempotency.requests").tag("outcome", "waited").counter();
        return waited == null ? 0 : waited.count();
    }
}
