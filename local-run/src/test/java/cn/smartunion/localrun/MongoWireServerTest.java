package cn.smartunion.localrun;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
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

    private static MongoCollection<Document> members(MongoClient client) {
        return client.getDatabase("membership").getCollection("members");
    }
}
