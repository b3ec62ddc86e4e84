package cn.smartunion.systemtest.reliability;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

/**
 * The content of a projection's documents read straight from Mongo, as one SHA-256: documents in {@code _id} order,
 * each field in name order at every depth (a document's field order is how updates happened to create it, not
 * content), arrays in their stored order (a member's standing history is ordered), the fields listed as volatile left
 * out.
 */
record ProjectionDigest(String sha256, List<Document> documents) {

    static ProjectionDigest of(String mongoUri, String database, String collection, String idPrefix,
            Set<String> volatileFields) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            List<Document> documents = client.getDatabase(database).getCollection(collection)
                    .find(Filters.regex("_id", "^" + Pattern.quote(idPrefix))).sort(Sorts.ascending("_id"))
                    .into(new java.util.ArrayList<>());
            MessageDigest sha = newSha256();
            for (Document document : documents) {
                Map<String, Object> canonical = canonical(document);
                volatileFields.forEach(canonical::remove);
                sha.update(canonical.toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return new ProjectionDigest(HexFormat.of().formatHex(sha.digest()), documents);
        }
    }

    static long delete(String mongoUri, String database, String collection, String idPrefix) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            return client.getDatabase(database).getCollection(collection)
                    .deleteMany(Filters.regex("_id", "^" + Pattern.quote(idPrefix))).getDeletedCount();
        }
    }

    /** Sums the sizes of an array field over the documents. */
    long totalOf(String arrayField) {
        return documents.stream().mapToLong(d -> d.getList(arrayField, Object.class, List.of()).size()).sum();
    }

    String shortHash() {
        return sha256.substring(0, 16);
    }

    private static Map<String, Object> canonical(Document document) {
        Map<String, Object> sorted = new TreeMap<>();
        document.forEach((name, value) -> sorted.put(name, canonicalValue(value)));
        return sorted;
    }

    private static Object canonicalValue(Object value) {
        if (value instanceof Document nested) {
            return canonical(nested);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ProjectionDigest::canonicalValue).toList();
        }
        return value;
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
