package cn.smartunion.runtime.outbox;

import cn.smartunion.runtime.events.CloudEventCodec;
import cn.smartunion.runtime.scheduling.PeriodicTask;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes the events waiting in aggregate documents' outboxes, in order, and then removes exactly the published
 * ones ({@code $pull} by id), so events appended meanwhile stay. A pass drains a collection batch by batch, each
 * batch's events sent together (see {@link #relayBatch}). A crash between publishing and removal publishes
 * again on the next pass: delivery is at least once and consumers are idempotent.
 */
public class OutboxRelay extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    static final String PENDING_INDEX = "outbox_pending";
    private static final String PENDING_KEY = OutboxEvent.FIELD + ".eventId";

    private final Set<String> indexedCollections = ConcurrentHashMap.newKeySet();
    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final Counter published;
    private final Counter failures;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties,
                       MeterRegistry meters) {
        super("outbox-relay");
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.published = Counter.builder("outbox.events.published").register(meters);
        this.failures = Counter.builder("outbox.relay.failures").register(meters);
    }

    /** One pass over every outbox collection; returns how many events were published. */
    public int relayPending() {
        int count = 0;
        for (String collection : properties.getCollections()) {
            count += relayCollection(collection);
        }
        return count;
    }

    /** Batches until the collection's outboxes are empty or a publish fails. */
    int relayCollection(String collection) {
        ensurePendingIndex(collection);
        int count = 0;
        while (true) {
            Batch batch = relayBatch(collection);
            count += batch.published();
            if (batch.failed() || batch.aggregates() < properties.getBatchSize()) {
                return count;
            }
        }
    }

    private record Batch(int aggregates, int published, boolean failed) {
    }

    /**
     * One batch of aggregates. Their events go to the broker together rather than one acknowledgement at a time, but
     * an aggregate's next event only once its previous one is acknowledged: each round sends the next pending event
     * of every aggregate whose events so far all went through. So an aggregate's events reach the broker in order and
     * none follows one that failed.
     */
    private Batch relayBatch(String collection) {
        Query pending = new Query(Criteria.where(PENDING_KEY).exists(true)).limit(properties.getBatchSize());
        pending.fields().include(OutboxEvent.FIELD);
        List<Document> aggregates = mongo.find(pending, Document.class, collection);
        Map<Object, List<String>> sent = new LinkedHashMap<>();
        Map<Object, List<Document>> unsent = new LinkedHashMap<>();
        for (Document aggregate : aggregates) {
            unsent.put(aggregate.get("_id"), new ArrayList<>(aggregate.getList(OutboxEvent.FIELD, Document.class)));
        }
        boolean failed = false;
        while (!unsent.isEmpty()) {
            Map<Object, OutboxEvent> round = new LinkedHashMap<>();
            Map<Object, CompletableFuture<?>> acknowledgements = new LinkedHashMap<>();
            unsent.forEach((aggregateId, events) -> {
                OutboxEvent event = toEvent(events.remove(0));
                round.put(aggregateId, event);
                acknowledgements.put(aggregateId, send(event));
            });
            long deadline = System.nanoTime() + properties.getSendTimeout().toNanos();
            for (var entry : round.entrySet()) {
                Object aggregateId = entry.getKey();
                if (acknowledged(entry.getValue(), acknowledgements.get(aggregateId), deadline)) {
                    sent.computeIfAbsent(aggregateId, id -> new ArrayList<>()).add(entry.getValue().eventId());
                    published.increment();
                } else {
                    failed = true;
                    unsent.remove(aggregateId);
                }
            }
            unsent.values().removeIf(List::isEmpty);
        }
        if (!sent.isEmpty()) {
            removePublished(collection, sent);
        }
        return new Batch(aggregates.size(), sent.values().stream().mapToInt(List::size).sum(), failed);
    }

    private CompletableFuture<?> send(OutboxEvent event) {
        try {
            return kafka.send(CloudEventCodec.toRecord(event));
        } catch (RuntimeException e) { // e.g. the producer's buffer stayed full for max.block.ms
            return CompletableFuture.failedFuture(e);
        }
    }

    private boolean acknowledged(OutboxEvent event, CompletableFuture<?> acknowledgement, long deadline) {
        try {
            acknowledgement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            failures.increment();
            log.warn("outbox: publishing event {} of type {} to {} failed, will retry: {}",
                    event.eventId(), event.type(), event.topic(), e.getMessage());
            acknowledgement.cancel(false);
            return false;
        }
    }

    /**
     * The relay polls several times a second: a sparse index on the outbox's event ids holds only the aggregates with
     * pending events, so a poll reads those and never scans the collection.
     */
    private void ensurePendingIndex(String collection) {
        if (indexedCollections.contains(collection)) {
            return;
        }
        mongo.indexOps(collection).createIndex(new Index().on(PENDING_KEY, Sort.Direction.ASC).sparse()
                .named(PENDING_INDEX));
        indexedCollections.add(collection);
    }

    /**
     * Removes exactly the published events, in one bulk write. Visible for the crash tests: the window between a
     * publish and this removal is where duplicates come from.
     */
    protected void removePublished(String collection, Map<Object, List<String>> eventIdsByAggregate) {
        BulkOperations removals = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        eventIdsByAggregate.forEach((aggregateId, eventIds) -> removals.updateOne(
                Query.query(Criteria.where("_id").is(aggregateId)),
                new Update().pull(OutboxEvent.FIELD, new Document("eventId", new Document("$in", eventIds)))));
        removals.execute();
    }

    private static OutboxEvent toEvent(Document stored) {
        Date time = stored.getDate("time");
        return new OutboxEvent(stored.getString("eventId"), stored.getString("type"), stored.getString("topic"),
                stored.getString("source"), stored.getString("subject"), stored.getString("orgPath"),
                time == null ? null : time.toInstant(), stored.getString("dataSchema"),
                stored.getString("traceparent"), stored.getString("data"));
    }

    @Override
    protected void runOnce() {
        relayPending();
    }

    @Override
    protected Duration interval() {
        return properties.getPollInterval();
    }

    @Override
    protected boolean hasWork() {
        return !properties.getCollections().isEmpty();
    }

    @Override
    protected void failed(RuntimeException e) {
        failures.increment();
        super.failed(e);
    }
}
