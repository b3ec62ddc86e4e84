package cn.smartunion.runtime.idempotency;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import cn.smartunion.runtime.outbox.OutboxEvent;
import cn.smartunion.runtime.problem.ConflictException;
import cn.smartunion.runtime.problem.NotFoundException;
import org.bson.Document;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * A service with ordinary controllers and no idempotency code: a counter whose increment changes state and appends
 * an outbox event in one single-document write (as the services' aggregates do), and endpoints that end in problems,
 * server errors, redirects of the error page, async handling, large bodies and uploads.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(IdempotencyTestApplication.CounterController.class)
class IdempotencyTestApplication {

    static final String COUNTERS = "idempotency_test_counters";

    /** How often each endpoint's handler ran, by counter id: the effects the filter must prevent. */
    static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    /** Counter ids whose first attempt waits for its latch before it takes effect. */
    static final Map<String, CountDownLatch> HOLDS = new ConcurrentHashMap<>();

    /** Counter ids whose held first attempt dies (throws) when released, as if its process had crashed. */
    static final Set<String> CRASHES = ConcurrentHashMap.newKeySet();

    static int attempts(String id) {
        return ATTEMPTS.computeIfAbsent(id, ignored -> new AtomicInteger()).get();
    }

    record Increment(@NotNull @Min(1) Integer by) {
    }

    @RestController
    @RequestMapping("/test/idem")
    static class CounterController {

        private final MongoTemplate mongo;

        CounterController(MongoTemplate mongo) {
            this.mongo = mongo;
        }

        @PostMapping("/counters/{id}/increments")
        ResponseEntity<Map<String, Object>> increment(@PathVariable String id,
                @Valid @RequestBody Increment increment) {
            attempt(id);
            return incremented(id, increment.by());
        }

        @GetMapping("/counters/{id}")
        Map<String, Object> counter(@PathVariable String id) {
            Document counter = mongo.findById(id, Document.class, COUNTERS);
            return Map.of("value", counter == null ? 0 : counter.getInteger("value"));
        }

        @PostMapping("/held/{id}")
        ResponseEntity<Map<String, Object>> held(@PathVariable String id, @Valid @RequestBody Increment increment)
                throws InterruptedException {
            int attempt = attempt(id);
            CountDownLatch hold = HOLDS.get(id);
            if (attempt == 1 && hold != null) {
                if (!hold.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
                if (CRASHES.contains(id)) {
                    throw new IllegalStateException("simulated crash before the effect");
                }
            }
            return incremented(id, increment.by());
        }

        @PostMapping("/conflicts/{id}")
        String conflict(@PathVariable String id) {
            attempt(id);
            throw new ConflictException("The counter is locked");
        }

        @PostMapping("/missing/{id}")
        String missing(@PathVariable String id) {
            attempt(id);
            throw new NotFoundException("Counter not found");
        }

        @PostMapping("/gone/{id}")
        void gone(@PathVariable String id, HttpServletResponse response) throws Exception {
            attempt(id);
            response.sendError(410);
        }

        @PostMapping("/flaky/{id}")
        ResponseEntity<Map<String, Object>> flaky(@PathVariable String id,
                @RequestParam(defaultValue = "500") int fail) {
            if (attempt(id) == 1) {
                if (fail == 500) {
                    throw new IllegalStateException("first attempt fails");
                }
                return ResponseEntity.status(fail).build();
            }
            return incremented(id, 1);
        }

        @PostMapping("/async/{id}")
        Callable<ResponseEntity<Map<String, Object>>> async(@PathVariable String id,
                @Valid @RequestBody Increment increment) {
            return () -> {
                attempt(id);
                return incremented(id, increment.by());
            };
        }

        @PostMapping("/secrets/{id}")
        ResponseEntity<Map<String, Object>> secret(@PathVariable String id,
                jakarta.servlet.http.HttpServletRequest request) {
            attempt(id);
            IdempotencyFilter.doNotStoreResponseBody(request);
            return ResponseEntity.created(URI.create("/test/idem/secrets/" + id))
                    .cacheControl(org.springframework.http.CacheControl.noStore())
                    .body(Map.of("temporaryPassword", "one-time-" + id));
        }

        @PostMapping(path = "/large/{id}", produces = MediaType.TEXT_PLAIN_VALUE)
        String large(@PathVariable String id) {
            attempt(id);
            return "x".repeat(4096);
        }

        @PostMapping(path = "/forms/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
        ResponseEntity<Map<String, Object>> form(@PathVariable String id, @RequestParam int by,
                @RequestParam String note) {
            attempt(id);
            return incremented(id, by);
        }

        @PostMapping("/uploads/{id}")
        ResponseEntity<Map<String, Object>> upload(@PathVariable String id, @RequestParam("file") MultipartFile file) {
            attempt(id);
            return ResponseEntity.status(201).body(Map.of("name", file.getOriginalFilename(), "size", file.getSize(),
                    "ticket", UUID.randomUUID().toString()));
        }

        private static int attempt(String id) {
            return ATTEMPTS.computeIfAbsent(id, ignored -> new AtomicInteger()).incrementAndGet();
        }

        /** State change and event in one single-document write; the ticket makes every execution's body unique. */
        private ResponseEntity<Map<String, Object>> incremented(String id, int by) {
            OutboxEvent event = new OutboxEvent(UUID.randomUUID().toString(),
                    "cn.smartunion.test.counter.incremented.v1", "test.counter.v1", "/test-service", id, "420000",
                    Instant.now(), "urn:test:counter-incremented", null,
                    "{\"counterId\":\"" + id + "\",\"by\":" + by + "}");
            Document counter = mongo.findAndModify(query(where("_id").is(id)),
                    new Update().inc("value", by).push(OutboxEvent.FIELD, event),
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COUNTERS);
            int value = counter.getInteger("value");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("counter", id);
            body.put("value", value);
            body.put("ticket", UUID.randomUUID().toString());
            return ResponseEntity.created(URI.create("/test/idem/counters/" + id + "/increments/" + value))
                .eTag("\"" + value + "\"")
                .lastModified(Instant.now())
                .body(body);
        }
    }
}
