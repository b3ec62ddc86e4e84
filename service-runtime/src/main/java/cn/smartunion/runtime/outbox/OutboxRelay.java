package cn.smartunion.runtime.outbox;

import cn.smartunion.runtime.events.CloudEventCodec;
import cn.smartunion.runtime.scheduling.PeriodicTask;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes the events waiting in aggregate documents' outboxes, in order, and then removes exactly the published
 * ones ({@code $pull} by id), so events appended meanwhile stay. A crash between publishing and removal publishes
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

    int relayCollection(String collection) {
        ensurePendingIndex(collection);
        Query pending = new Query(Criteria.where(PENDING_KEY).exists(true)).limit(properties.getBatchSize());
        pending.fields().include(OutboxEvent.FIELD);
        int count = 0;
        for (Document aggregate : mongo.find(pending, Document.class, collection)) {
            List<String> sent = publishInOrder(aggregate.getList(OutboxEvent.FIELD, Document.class));
            if (!sent.isEmpty()) {
                removePublished(collection, aggregate.get("_id"), sent);
                count += sent.size();
            }
        }
        return count;
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

    /** Publishes until the first failure and returns the ids that the broker acknowledged. */
    private List<String> publishInOrder(List<Document> outbox) {
        List<String> sent = new ArrayList<>();
        for (Document stored : outbox) {
            OutboxEvent event = toEvent(stored);
            try {
                kafka.send(CloudEventCodec.toRecord(event))
                        .get(properties.getSendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                sent.add(event.eventId());
                published.increment();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException e) {
                failures.increment();
                log.warn("outbox: publishing event {} of type {} to {} failed, will retry: {}",
                        event.eventId(), event.type(), event.topic(), e.getMessage());
                break;
            }
        }
        return sent;
    }

    /** Visible for the crash tests: the window between a publish and this removal is where duplicates come from. */
    protected void removePublished(String collection, Object aggregateId, List<String> eventIds) {
        Update pull = new Update().pull(OutboxEvent.FIELD, new Document("eventId", new Document("$in", eventIds)));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(aggregateId)), pull, collection);
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
