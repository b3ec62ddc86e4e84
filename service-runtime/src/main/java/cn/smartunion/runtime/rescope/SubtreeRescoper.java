package cn.smartunion.runtime.rescope;

import cn.smartunion.runtime.scope.OrgScope;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Moves a subtree of path-scoped documents from one place in the union tree to another, idempotently and in
 * batches: see the {@linkplain cn.smartunion.runtime.rescope package documentation} for the protocol.
 *
 * <p>Every document is re-pathed by an update whose filter still names its old path, so running a rescope twice, or
 * two instances running it at once, changes each document once; a document somebody else changed meanwhile is read
 * again in the next batch. Needs neither transactions nor an aggregation-pipeline update, so it runs on
 * mongo-java-server as on MongoDB.
 */
public class SubtreeRescoper {

    /** The embedded document {@code {from, to, since}} a moved document carries until its subtree has followed. */
    public static final String MARKER = "rescope";
    static final String MARKER_INDEX = "rescope_pending";

    private static final int MAX_ROUNDS_WITHOUT_PROGRESS = 10;
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*");

    private final MongoTemplate mongo;
    private final int batchSize;
    private final Set<String> indexedCollections = ConcurrentHashMap.newKeySet();

    public SubtreeRescoper(MongoTemplate mongo, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        this.mongo = mongo;
        this.batchSize = batchSize;
    }

    /**
     * Re-paths every document of the target under {@code from} (and at {@code from} itself when the target includes
     * the root) to the same place under {@code to}.
     *
     * @return how many documents this call changed; 0 when an earlier run did the work
     * @throws IllegalArgumentException when a path is malformed or {@code to} lies within {@code from}, which would
     *                                  never end
     */
    public long rescope(RescopeTarget target, String from, String to) {
        checkMove(from, to);
        Criteria under = target.includeRoot() ? OrgScope.subtree(target.pathField(), from)
                : OrgScope.descendants(target.pathField(), from);
        List<String> pathKeys = Arrays.asList(target.pathField().split("\\."));
        long changed = 0;
        int roundsWithoutProgress = 0;
        while (true) {
            Query batchQuery = new Query(under).limit(batchSize);
            batchQuery.fields().include(target.pathField());
            List<Document> batch = mongo.find(batchQuery, Document.class, target.collection());
            if (batch.isEmpty()) {
                return changed;
            }
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, target.collection());
            for (Document document : batch) {
                String oldPath = document.getEmbedded(pathKeys, String.class);
                Update repath = new Update().set(target.pathField(), to + oldPath.substring(from.length()));
                if (target.versionField() != null) {
                    repath.inc(target.versionField(), 1);
                }
                bulk.updateOne(Query.query(where("_id").is(document.get("_id")).and(target.pathField()).is(oldPath)),
                        repath);
            }
            int modified = bulk.execute().getModifiedCount();
            changed += modified;
            // every document of the batch changed under us; they are read again, but not forever
            roundsWithoutProgress = modified == 0 ? roundsWithoutProgress + 1 : 0;
            if (roundsWithoutProgress > MAX_ROUNDS_WITHOUT_PROGRESS) {
                throw new IllegalStateException("documents under the moved subtree keep changing; retry later");
            }
        }
    }

    /** Adds the pending-rescope marker to the single-document update that gives the moved document its new path. */
    public static Update markPending(Update update, String from, String to, Instant since) {
        checkMove(from, to);
        return update.set(MARKER, new Document("from", from).append("to", to).append("since", Date.from(since)));
    }

    /**
     * Finishes the rescope the document {@code id} is marked with, if any: re-paths its subtree, then removes the
     * marker (only if it is still the same one).
     *
     * @return false when the document carries no marker
     */
    public boolean finishPending(RescopeTarget target, Object id) {
        Query byId = Query.query(where("_id").is(id));
        byId.fields().include(MARKER);
        Document document = mongo.findOne(byId, Document.class, target.collection());
        Document marker = document == null ? null : document.get(MARKER, Document.class);
        if (marker == null) {
            return false;
        }
        String from = marker.getString("from");
        String to = marker.getString("to");
        rescope(target, from, to);
        mongo.updateFirst(Query.query(where("_id").is(id).and(MARKER + ".from").is(from).and(MARKER + ".to").is(to)),
                new Update().unset(MARKER), target.collection());
        return true;
    }

    /**
     * Finishes every rescope of the target marked before {@code markedBefore}; what a crash left behind. Reads the
     * few marked documents through a sparse index, never the whole collection.
     *
     * @return how many markers were finished
     */
    public int finishAllPending(RescopeTarget target, Instant markedBefore) {
        int finished = 0;
        for (Document marked : pending(target.collection(), markedBefore)) {
            if (finishPending(target, marked.get("_id"))) {
                finished++;
            }
        }
        return finished;
    }

    /** The documents of the collection with a marker set no later than {@code markedBefore}, with their markers. */
    public List<Document> pending(String collection, Instant markedBefore) {
        return pending(collection, where(MARKER + ".since").lte(Date.from(markedBefore)));
    }

    /** Every document of the collection with a marker, with its marker: the moves under way or left unfinished. */
    public List<Document> pending(String collection) {
        return pending(collection, where(MARKER + ".since").exists(true));
    }

    private List<Document> pending(String collection, Criteria marked) {
        ensureMarkerIndex(collection);
        Query query = new Query(marked);
        query.fields().include(MARKER);
        return mongo.find(query, Document.class, collection);
    }

    private void ensureMarkerIndex(String collection) {
        if (indexedCollections.contains(collection)) {
            return;
        }
        mongo.indexOps(collection).createIndex(new Index().on(MARKER + ".since", Sort.Direction.ASC).sparse()
                .named(MARKER_INDEX));
        indexedCollections.add(collection);
    }

    private static void checkMove(String from, String to) {
        if (from == null || to == null || !PATH.matcher(from).matches() || !PATH.matcher(to).matches()) {
            throw new IllegalArgumentException("paths must be code segments joined by '/'");
        }
        if (to.equals(from) || to.startsWith(from + "/")) {
            throw new IllegalArgumentException("a subtree cannot move into itself");
        }
    }
}
