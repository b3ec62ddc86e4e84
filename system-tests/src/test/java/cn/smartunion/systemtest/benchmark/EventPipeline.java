package cn.smartunion.systemtest.benchmark;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

/**
 * Part 2: {@code MemberActivated} from the HTTP command to aid-service's projection. Member entries are sent straight
 * to membership-service at a steady rate (open loop: a slow answer does not delay the next command); each created
 * member's id is then looked for in aid-service's {@code member_records} collection (the projection kept from
 * {@code membership.member.v1}) by a poller that asks the Mongo wire server every few milliseconds for the ids still
 * missing. The projection stores no time of its own, so a latency is "command sent" to "first poll that finds it":
 * late by up to one poll interval plus one query. The path: membership's request handling and single-document save
 * with the event in its outbox, the outbox relay (it polls every 200 ms), the broker, aid-service's listener and its
 * idempotent upsert.
 */
final class EventPipeline {

    static final String PROJECTION = "member_records";

    record Outcome(int rate, int seconds, int sent, int created, int otherAnswers, int missing, Latencies answer,
                   Latencies projected, long pollMillis) {
    }

    private record Pending(long sent, long answered) {
    }

    private static final JsonMapper json = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String membershipUrl;
    private final String aidMongoUri;
    private final String orgId;
    private final DistinctPeople people;
    private final long pollMillis;

    EventPipeline(String membershipUrl, String aidMongoUri, String orgId, DistinctPeople people, long pollMillis) {
        this.membershipUrl = membershipUrl;
        this.aidMongoUri = aidMongoUri;
        this.orgId = orgId;
        this.people = people;
        this.pollMillis = pollMillis;
    }

    Outcome measure(String label, String token, int rate, int seconds, Duration settle) throws Exception {
        int total = rate * seconds;
        Map<String, Pending> pending = new ConcurrentHashMap<>();
        List<Long> answerNanos = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Long> projectedNanos = new ArrayList<>();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        AtomicInteger scheduled = new AtomicInteger();
        CountDownLatch answered = new CountDownLatch(total);
        // bodies and people made beforehand, so the sender's ticks only send
        var requests = new ArrayList<java.net.http.HttpRequest>(total);
        for (int i = 0; i < total; i++) {
            requests.add(HttpRounds.memberEntryRequest(membershipUrl, token, orgId, people.next()));
        }
        ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
        sender.scheduleAtFixedRate(() -> {
            int i = scheduled.getAndIncrement();
            if (i >= total) {
                return;
            }
            long sent = System.nanoTime();
            client.sendAsync(requests.get(i), HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                long at = System.nanoTime();
                try {
                    if (error == null && response.statusCode() == 201) {
                        answerNanos.add(at - sent);
                        created.incrementAndGet();
                        pending.put(json.readTree(response.body()).path("id").asString(), new Pending(sent, at));
                    }
                    else {
                        other.incrementAndGet();
                    }
                }
                finally {
                    answered.countDown();
                }
            });
        }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);

        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).plus(settle).toNanos();
        try (MongoClient mongo = MongoClients.create(aidMongoUri)) {
            MongoCollection<Document> records = mongo.getDatabase("aid").getCollection(PROJECTION);
            while (System.nanoTime() < deadline && (answered.getCount() > 0 || !pending.isEmpty())) {
                if (!pending.isEmpty()) {
                    List<String> ids = pending.keySet().stream().limit(2_000).toList();
                    for (Document found : records.find(Filters.in("_id", ids)).projection(Projections.include("_id"))) {
                        long at = System.nanoTime();
                        Pending p = pending.remove(found.getString("_id"));
                        if (p != null) {
                            projectedNanos.add(at - p.sent());
                        }
                    }
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(pollMillis));
            }
        }
        finally {
            sender.shutdownNow();
        }
        Outcome outcome = new Outcome(rate, seconds, Math.min(scheduled.get(), total), created.get(), other.get(),
                pending.size() + (int) answered.getCount(),
                new Latencies(answerNanos.stream().mapToLong(Long::longValue).toArray()),
                new Latencies(projectedNanos.stream().mapToLong(Long::longValue).toArray()), pollMillis);
        System.out.printf(Locale.ROOT, "PERFORMANCE pipeline %s %d/s for %d s: %d created, %d other answers, %d not "
                        + "projected; HTTP answer p50 %.1f ms; to the projection p50 %.1f ms p99 %.1f ms max %.1f ms%n",
                label, rate, seconds, outcome.created(), outcome.otherAnswers(), outcome.missing(),
                outcome.answer().percentileMillis(50), outcome.projected().percentileMillis(50),
                outcome.projected().percentileMillis(99), outcome.projected().percentileMillis(100));
        return outcome;
    }
}
