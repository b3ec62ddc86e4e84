package cn.smartunion.localrun;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MongoWireServerTest {

    @TempDir
    Path dir;

    @Test
    void documentsSurviveARestart() {
        Path store = dir.resolve("data").resolve("mongo.mv");

        try (MongoWireServer server = MongoWireServer.start("127.0.0.1", 0, store);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
            members(client).insertOne(new Document("_id", "m-1").append("orgPath", "420000/420300/420322"));
        }

        try (MongoWireServer server = MongoWireServer.start("127.0.0.1", 0, store);
             MongoClient client = MongoClients.create(server.connectionString())) {
            Document found = members(client).find(new Document("_id", "m-1")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("orgPath")).isEqualTo("420000/420300/420322");
        }
    }

    @Test
    void answersPing() {
        try (MongoWireServer server = MongoWireServer.start("127.0.0.1", 0, dir.resolve("ping.mv"));
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(client.getDatabase("admin").runCommand(new Document("ping", 1)).get("ok", Number.class).intValue())
                    .isEqualTo(1);
        }
    }

    @Test
    void aQueryOnAUniqueKeyWithFurtherConditionsMatchesExactlyAsMongoDbDoes() {
        try (MongoWireServer server = MongoWireServer.start("127.0.0.1", 0, dir.resolve("lookups.mv"));
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> members = members(client);
            members.createIndex(new Document("code", 1), new IndexOptions().unique(true));
            for (int i = 1; i <= 3; i++) {
                members.insertOne(new Document("_id", "m-" + i).append("code", "c-" + i).append("version", i));
            }

            // an optimistic-locking save: the right version matches, a stale one does not
            assertThat(members.updateOne(new Document("_id", "m-2").append("version", 2),
                    new Document("$set", new Document("version", 3))).getModifiedCount()).isEqualTo(1);
            assertThat(members.updateOne(new Document("_id", "m-2").append("version", 2),
                    new Document("$set", new Document("version", 9))).getModifiedCount()).isZero();

            // an idempotent projection: the event is applied once, and the upsert creates a missing document
            Document notYetApplied = new Document("_id", "m-1").append("appliedEvents", new Document("$ne", "e-1"));
            Document apply = new Document("$push", new Document("appliedEvents", "e-1"));
            assertThat(members.updateOne(notYetApplied, apply).getModifiedCount()).isEqualTo(1);
            assertThat(members.updateOne(notYetApplied, apply).getModifiedCount()).isZero();
            members.updateOne(new Document("_id", "m-4").append("appliedEvents", new Document("$ne", "e-1")), apply,
                    new UpdateOptions().upsert(true));
            assertThat(members.find(new Document("_id", "m-4")).first()).containsEntry("appliedEvents",
                    List.of("e-1"));

            // other unique keys and $in serve the same way; conditions outside the keys still filter
            assertThat(members.find(new Document("code", "c-3").append("version", 3)).first())
                    .containsEntry("_id", "m-3");
            assertThat(members.find(new Document("code", "c-3").append("version", 1)).first()).isNull();
            assertThat(members.find(new Document("_id", new Document("$in", List.of("m-1", "m-2", "m-3")))
                    .append("version", new Document("$gte", 2))).map(found -> found.getString("_id"))
                    .into(new ArrayList<>())).containsExactlyInAnyOrder("m-2", "m-3");
            assertThat(members.countDocuments(new Document("_id", "m-9").append("version", 1))).isZero();
        }
    }

    private static MongoCollection<Document> members(MongoClient client) {
        return client.getDatabase("membership").getCollection("members");
    }
}
