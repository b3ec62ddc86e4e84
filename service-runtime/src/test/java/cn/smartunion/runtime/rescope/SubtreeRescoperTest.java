package cn.smartunion.runtime.rescope;

import cn.smartunion.runtime.testing.MongoWireServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;

class SubtreeRescoperTest {

    private static final String ORGS = "orgs";
    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");
    private static final RescopeTarget TREE = RescopeTarget.treeBelow(ORGS, "path", "version");

    private static MongoWireServer server;
    private static MongoClient client;
    private MongoTemplate mongo;
    private SubtreeRescoper rescoper;

    @BeforeAll
    static void startServer() {
        server = MongoWireServer.start();
        client = MongoClients.create(server.connectionString("rescope"));
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.close();
    }

    @BeforeEach
    void emptyCollections() {
        mongo = new MongoTemplate(client, "rescope");
        mongo.dropCollection(ORGS);
        mongo.dropCollection("members");
        rescoper = new SubtreeRescoper(mongo, 2);
    }

    @Test
    void everyDocumentBelowMovesInBatchesWhileTheRootAndSiblingsSharingAPrefixStay() {
        given("u", "42/03/U", "c1", "42/03/U/C1", "c2", "42/03/U/C2", "g", "42/03/U/C1/G", "gg", "42/03/U/C1/G/H",
                "twin", "42/03/UX", "twinChild", "42/03/UX/C1", "other", "42/05");

        long moved = rescoper.rescope(TREE, "42/03/U", "42/05/U");

        assertThat(moved).isEqualTo(4);
        assertThat(paths()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "u", "42/03/U", "c1", "42/05/U/C1", "c2", "42/05/U/C2", "g", "42/05/U/C1/G", "gg", "42/05/U/C1/G/H",
                "twin", "42/03/UX", "twinChild", "42/03/UX/C1", "other", "42/05"));
        assertThat(version("gg")).isEqualTo(1);
        assertThat(version("twinChild")).isZero();
    }

    @Test
    void runningItAgainOrFinishingAHalfDoneRunChangesEachDocumentOnce() {
        given("c1", "42/03/U/C1", "c2", "42/03/U/C2", "g", "42/03/U/C1/G");
        // a run that crashed after its first document
        mongo.updateFirst(Query.query(where("_id").is("c2")), new Update().set("path", "42/05/U/C2").inc("version", 1), ORGS);

        assertThat(rescoper.rescope(TREE, "42/03/U", "42/05/U")).isEqualTo(2);
        assertThat(rescoper.rescope(TREE, "42/03/U", "42/05/U")).isZero();

        assertThat(paths()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "c1", "42/05/U/C1", "c2", "42/05/U/C2", "g", "42/05/U/C1/G"));
        assertThat(List.of(version("c1"), version("c2"), version("g"))).containsOnly(1L);
    }

    @Test
    void recordsOwnedByTheMovedUnitItselfMoveWhenTheTargetIncludesTheRoot() {
        mongo.insert(new Document("_id", "m1").append("owner", new Document("path", "42/03/U")), "members");
        mongo.insert(new Document("_id", "m2").append("owner", new Document("path", "42/03/U/C1")), "members");
        mongo.insert(new Document("_id", "m3").append("owner", new Document("path", "42/03/UX")), "members");

        long moved = rescoper.rescope(RescopeTarget.ownedRecords("members", "owner.path", null), "42/03/U", "42/05/U");

        assertThat(moved).isEqualTo(2);
        assertThat(mongo.findAll(Document.class, "members")).extracting(d -> d.getEmbedded(List.of("owner", "path"), String.class))
                .containsExactlyInAnyOrder("42/05/U", "42/05/U/C1", "42/03/UX");
        assertThat(mongo.findById("m1", Document.class, "members")).doesNotContainKey("version");
    }

    @Test
    void aMarkedMoveIsFinishedOnceAndItsMarkerRemoved() {
        given("c1", "42/03/U/C1");
        Update move = SubtreeRescoper.markPending(new Update().set("path", "42/05/U"), "42/03/U", "42/05/U", NOW);
        mongo.upsert(Query.query(where("_id").is("u")), move, ORGS);

        assertThat(rescoper.finishPending(TREE, "u")).isTrue();
        assertThat(rescoper.finishPending(TREE, "u")).isFalse();

        assertThat(paths()).containsEntry("c1", "42/05/U/C1").containsEntry("u", "42/05/U");
        assertThat(mongo.findById("u", Document.class, ORGS)).doesNotContainKey(SubtreeRescoper.MARKER);
    }

    @Test
    void theSweeperFinishesWhatACrashLeftAtStartUpAndLaterOnlyMarkersPastTheGracePeriod() {
        given("c1", "42/03/U/C1", "d1", "42/03/V/D1");
        mongo.upsert(Query.query(where("_id").is("u")), SubtreeRescoper.markPending(new Update().set("path", "42/05/U"),
                "42/03/U", "42/05/U", NOW.minus(Duration.ofMinutes(5))), ORGS);
        mongo.upsert(Query.query(where("_id").is("v")), SubtreeRescoper.markPending(new Update().set("path", "42/05/V"),
                "42/03/V", "42/05/V", NOW.minusSeconds(10)), ORGS);
        var targets = new DefaultListableBeanFactory();
        targets.registerSingleton("orgs", TREE);
        var sweeper = new RescopeSweeper(rescoper, targets.getBeanProvider(RescopeTarget.class), new RescopeProperties(),
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(sweeper.sweep(Duration.ofMinutes(1))).isEqualTo(1);
        assertThat(paths()).containsEntry("c1", "42/05/U/C1").containsEntry("d1", "42/03/V/D1");

        assertThat(sweeper.sweep(Duration.ZERO)).isEqualTo(1);
        assertThat(paths()).containsEntry("d1", "42/05/V/D1");
        assertThat(rescoper.pending(ORGS, NOW.plusSeconds(1))).isEmpty();
    }

    @Test
    void aSubtreeCannotMoveIntoItselfAndPathsMustBeWellFormed() {
        assertThatThrownBy(() -> rescoper.rescope(TREE, "42/03", "42/03/U")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rescoper.rescope(TREE, "42/03", "42/03")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rescoper.rescope(TREE, "42/.*", "42/05")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SubtreeRescoper.markPending(new Update(), "42", "42/1", NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void given(String... idsAndPaths) {
        for (int i = 0; i < idsAndPaths.length; i += 2) {
            mongo.insert(new Document("_id", idsAndPaths[i]).append("path", idsAndPaths[i + 1]).append("version", 0L), ORGS);
        }
    }

    private Map<String, String> paths() {
        Map<String, String> paths = new TreeMap<>();
        mongo.findAll(Document.class, ORGS).forEach(d -> paths.put(d.getString("_id"), d.getString("path")));
        return paths;
    }

    private long version(String id) {
        return mongo.findById(id, Document.class, ORGS).get("version", Number.class).longValue();
    }
}
