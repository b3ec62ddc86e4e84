package cn.smartunion.localrun;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, with one change to its query planning: a unique index (the {@code _id} index above
 * all) serves a query that names its keys with plain values <em>and other conditions besides</em>, the other
 * conditions then being checked on the documents the index finds. The library only uses an index when the query has
 * exactly the index's keys, so {@code {_id: x, version: 3}} (an optimistic-locking save) or
 * {@code {_id: x, appliedEvents: {$ne: e}}} (an idempotent projection's upsert) read every document of the collection,
 * and writes got slower the more documents a collection held. A real MongoDB uses the index for these too.
 * <p>
 * The collections' maps keep H2Database's names ({@code databases.<ns>} and {@code meta.<ns>}), so existing store files
 * open as before.
 */
final class UniqueIndexLookups {

    private UniqueIndexLookups() {
    }

    static H2Backend backend(String storeFile) {
        return new Backend(storeFile);
    }

    private static final class Backend extends H2Backend {

        Backend(String storeFile) {
            super(storeFile);
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new Database(databaseName, getMvStore(), getCursorRegistry());
        }

        /** Inner, so the store is at hand while H2Database's constructor already opens the collections. */
        private final class Database extends H2Database {

            Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
                super(databaseName, store, cursorRegistry);
            }

            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                String namespace = getFullCollectionNamespace(collectionName);
                MVMap<Object, Document> documents = getMvStore().openMap("databases." + namespace);
                MVMap<String, Object> metadata = getMvStore().openMap("meta." + namespace);
                return new Collection(this, collectionName, options, documents, metadata, cursorRegistry);
            }
        }
    }

    private static final class Collection extends H2Collection {

        Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                   MVMap<Object, Document> documents, MVMap<String, Object> metadata, CursorRegistry cursorRegistry) {
            super(database, collectionName, options, documents, metadata, cursorRegistry);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            List<Index<Object>> indexes = getIndexes();
            if (indexes.stream().noneMatch(index -> index.canHandle(query))) {
                for (Index<Object> index : indexes) {
                    Document keysOnly = keysOnly(query, index);
                    if (keysOnly != null && index.canHandle(keysOnly)) {
                        // the index finds the candidates, the whole query decides which of them match
                        return matchDocuments(query, index.getPositions(keysOnly), orderBy, numberToSkip, limit,
                                batchSize, fieldSelector);
                    }
                }
            }
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        /** The query's conditions on exactly the index's keys, or null when it lacks one of them. */
        private static Document keysOnly(Document query, Index<Object> index) {
            Document keysOnly = new Document();
            for (IndexKey key : index.getKeys()) {
                if (!query.containsKey(key.getKey())) {
                    return null;
                }
                keysOnly.put(key.getKey(), query.get(key.getKey()));
            }
            return keysOnly;
        }
    }
}
