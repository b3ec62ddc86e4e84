package cn.smartunion.runtime.idempotency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

/**
 * The {@value #COLLECTION} collection: one document per (caller, method, path, key), claimed, completed or released
 * with single-document atomic operations only (a unique {@code _id}, conditional updates), so it is correct on
 * mongo-java-server and on a replica set without transactions.
 *
 * <p>Life of a record: the first request inserts it {@code IN_PROGRESS} with a random owner and a lease; the insert
 * is the claim, and the unique {@code _id} lets exactly one of any number of concurrent requests win it. The owner then
 * either completes it with the final response ({@code COMPLETED}, kept for the retention period) or deletes it
 * (a response not worth keeping, such as a 5xx). A claim whose lease has run out belongs to a request that died with
 * its process; the next retry takes it over by a conditional update on the old owner, which again only one can win.
 * Records are removed by a TTL index on {@code expiresAt}; until the TTL monitor runs (MongoDB checks once a minute,
 * mongo-java-server never), an expired record counts as absent.
 */
public class IdempotencyRecords {

    public static final String COLLECTION = "idempotency_keys";

    static final String IN_PROGRESS = "IN_PROGRESS";

    static final String COMPLETED = "COMPLETED";

    // a contended claim retries a few times in a row, then reports "in progress" and the caller waits before retrying
    private static final int CLAIM_ATTEMPTS = 4;

    private final MongoCollection<Document> collection;

    private final Clock clock;

    private final Duration retention;

    private final Duration lease;

    private volatile boolean indexed;

    public IdempotencyRecords(MongoTemplate mongo, Clock clock, Duration retention, Duration lease) {
        // a claim acknowledged by the primary alone could be lost in a fail-over and won a second time
        this.collection = mongo.getCollection(COLLECTION).withWriteConcern(WriteConcern.MAJORITY);
        this.clock = clock;
        this.retention = retention;
        this.lease = lease;
    }

    /** Whose key, for which operation: a key means nothing outside its caller, method and path. */
    record Scope(String caller, String method, String path, String key) {

        /** SHA-256 over the length-prefixed parts: fixed length, and no two scopes share it. */
        String id() {
            MessageDigest digest = RequestFingerprint.sha256();
            for (String part : List.of(caller, method, path, key)) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    /** The outcome of trying to claim a key. */
    sealed interface Claim {

        /** This request owns the key and runs; it must {@link #complete} or {@link #release} it. */
        record Acquired(String id, String owner, boolean takenOver) implements Claim {
        }

        /** An earlier request with the key and the same fingerprint finished: answer with its response. */
        record Completed(StoredResponse response) implements Claim {
        }

        /** An earlier request with the key is still running (its lease has not run out). */
        record InProgress() implements Claim {
        }

        /** The key was used for a different request. */
        record KeyReused() implements Claim {
        }
    }

    Claim claim(Scope scope, String fingerprint) {
        ensureIndexes();
        String id = scope.id();
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            Date now = now();
            String owner = UUID.randomUUID().toString();
            Document claim = newClaim(id, scope, fingerprint, owner, now);
            if (insert(claim)) {
                return new Claim.Acquired(id, owner, false);
            }
            Document existing = collection.find(eq("_id", id)).first();
            if (existing == null) {
                continue; // released or removed since the insert failed
            }
            if (!existing.getDate("expiresAt").after(now)) {
                if (collection.replaceOne(and(eq("_id", id), eq("owner", existing.getString("owner"))), claim)
                        .getMatchedCount() == 1) {
                    return new Claim.Acquired(id, owner, false);
                }
                continue;
            }
            if (!fingerprint.equals(existing.getString("fingerprint"))) {
                return new Claim.KeyReused();
            }
            if (COMPLETED.equals(existing.getString("state"))) {
                return new Claim.Completed(response(existing.get("response", Document.class)));
            }
            if (existing.getDate("leaseExpiresAt").after(now)) {
                return new Claim.InProgress();
            }
            Bson abandoned = and(eq("_id", id), eq("state", IN_PROGRESS), eq("owner", existing.getString("owner")));
            if (collection.updateOne(abandoned, Updates.combine(Updates.set("owner", owner),
                    Updates.set("leaseExpiresAt", plus(now, lease)), Updates.set("takenOverAt", now)))
                    .getMatchedCount() == 1) {
                return new Claim.Acquired(id, owner, true);
            }
        }
        return new Claim.InProgress();
    }

    /**
     * Stores the final response. False when the claim was no longer this request's (its lease ran out and a retry
     * took it over): the retry's response is the one kept.
     */
    boolean complete(Claim.Acquired claim, StoredResponse response) {
        Date now = now();
        return collection.updateOne(owned(claim), Updates.combine(
                Updates.set("state", COMPLETED),
                Updates.set("response", document(response)),
                Updates.set("completedAt", now),
                Updates.set("expiresAt", plus(now, retention)),
                Updates.unset("leaseExpiresAt"))).getMatchedCount() == 1;
    }

    /** Gives the key up, so the next retry runs the request afresh. */
    void release(Claim.Acquired claim) {
        collection.deleteOne(owned(claim));
    }

    private static Bson owned(Claim.Acquired claim) {
        return and(eq("_id", claim.id()), eq("state", IN_PROGRESS), eq("owner", claim.owner()));
    }

    private Document newClaim(String id, Scope scope, String fingerprint, String owner, Date now) {
        // the key is the client's random token and the caller a pseudonymous token subject: no personal data here;
        // the request body is represented by its keyed fingerprint only
        return new Document("_id", id)
            .append("caller", scope.caller())
            .append("method", scope.method())
            .append("path", scope.path())
            .append("key", scope.key())
            .append("fingerprint", fingerprint)
            .append("state", IN_PROGRESS)
            .append("owner", owner)
            .append("leaseExpiresAt", plus(now, lease))
            .append("createdAt", now)
            .append("expiresAt", plus(now, retention));
    }

    private boolean insert(Document claim) {
        try {
            collection.insertOne(claim);
            return true;
        }
        catch (MongoWriteException ex) {
            if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw ex;
        }
    }

    private static Document document(StoredResponse response) {
        List<Document> headers = new ArrayList<>();
        for (StoredResponse.Header header : response.headers()) {
            headers.add(new Document("name", header.name()).append("value", header.value()));
        }
        Document stored = new Document("status", response.status()).append("headers", headers);
        if (response.body() != null) {
            stored.append("body", new Binary(response.body()));
        }
        return stored.append("bodyOmitted", response.bodyOmitted());
    }

    private static StoredResponse response(Document stored) {
        List<StoredResponse.Header> headers = new ArrayList<>();
        for (Document header : stored.getList("headers", Document.class, List.of())) {
            headers.add(new StoredResponse.Header(header.getString("name"), header.getString("value")));
        }
        byte @Nullable [] body = null;
        if (!stored.getBoolean("bodyOmitted", false)) {
            Binary binary = stored.get("body", Binary.class);
            body = binary != null ? binary.getData() : new byte[0];
        }
        return new StoredResponse(stored.getInteger("status"), headers, body);
    }

    private void ensureIndexes() {
        if (!indexed) {
            // expiresAt holds the instant of expiry itself, so the index never changes when the retention does
            collection.createIndex(Indexes.ascending("expiresAt"),
                    new IndexOptions().name("expiresAt_ttl").expireAfter(0L, TimeUnit.SECONDS));
            indexed = true;
        }
    }

    private Date now() {
        return Date.from(clock.instant());
    }

    private static Date plus(Date instant, Duration duration) {
        return new Date(instant.getTime() + duration.toMillis());
    }
}
