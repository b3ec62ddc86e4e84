package cn.smartunion.runtime.orgdirectory;

import cn.smartunion.contracts.membership.OrgDissolved;
import cn.smartunion.contracts.membership.OrgMoved;
import cn.smartunion.contracts.membership.OrgRegistered;
import cn.smartunion.contracts.membership.OrgUpdated;
import cn.smartunion.runtime.consumer.IdempotentProjection;
import cn.smartunion.runtime.rescope.RescopeTarget;
import cn.smartunion.runtime.rescope.SubtreeRescoper;
import cn.smartunion.runtime.scope.OrgPrincipal;
import cn.smartunion.runtime.testing.MongoWireServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The directory's answers to the orders in which a move and the events around it can arrive. */
class OrgDirectoryTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");

    private static MongoWireServer server;
    private static MongoClient client;
    private MongoTemplate mongo;
    private OrgDirectory directory;

    @BeforeAll
    static void startServer() {
        server = MongoWireServer.start();
        client = MongoClients.create(server.connectionString("directory"));
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.close();
    }

    @BeforeEach
    void emptyDirectory() {
        mongo = new MongoTemplate(client, "directory");
        mongo.dropCollection(OrgDirectory.COLLECTION);
        directory = directory(new SubtreeRescoper(mongo, 2));
    }

    @Test
    void aMoveRepathsTheWholeSubtreeAndARedeliveryChangesNothing() {
        givenTree();

        assertThat(directory.apply("e-move", moved("yunxi", "shiyan", "suizhou", "42/4203/420322", "42/4213/420322", 1)))
                .isTrue();
        assertThat(directory.apply("e-move", moved("yunxi", "shiyan", "suizhou", "42/4203/420322", "42/4213/420322", 1)))
                .isFalse();

        assertThat(paths()).containsEntry("yunxi", "42/4213/420322").containsEntry("g1", "42/4213/420322/G1")
                .containsEntry("g1a", "42/4213/420322/G1/A").containsEntry("zhushan", "42/4203/420323");
        assertThat(entry("yunxi").parentId()).isEqualTo("suizhou");
        assertThat(mongo.findById("yunxi", Document.class, OrgDirectory.COLLECTION)).doesNotContainKey(SubtreeRescoper.MARKER);
        assertThat(directory.findWithin("g1a", staff("42/4213"))).isPresent();
        assertThat(directory.findWithin("g1a", staff("42/4203"))).isEmpty();
    }

    @Test
    void aMoveInterruptedByACrashIsFinishedByTheRedeliveryOrByTheSweeper() {
        givenTree();
        var crashing = directory(new SubtreeRescoper(mongo, 2) {
            @Override
            public long rescope(RescopeTarget target, String from, String to) {
                throw new IllegalStateException("crash");
            }
        });
        OrgMoved move = moved("yunxi", "shiyan", "suizhou", "42/4203/420322", "42/4213/420322", 1);
        assertThatThrownBy(() -> crashing.apply("e-move", move)).hasMessage("crash");
        assertThat(paths()).containsEntry("yunxi", "42/4213/420322").containsEntry("g1", "42/4203/420322/G1");

        directory.apply("e-move", move);

        assertThat(paths()).containsEntry("g1", "42/4213/420322/G1").containsEntry("g1a", "42/4213/420322/G1/A");
        assertThat(new SubtreeRescoper(mongo, 2).pending(OrgDirectory.COLLECTION, NOW.plusSeconds(3600))).isEmpty();
    }

    @Test
    void aUnitWhoseRegistrationArrivesAfterItsAncestorsMoveIsPlacedUnderTheNewPath() {
        givenTree();
        directory.apply("e-move", moved("yunxi", "shiyan", "suizhou", "42/4203/420322", "42/4213/420322", 1));

        // registered under G1 before the move, but its event overtook nobody: it comes last
        directory.apply("e-late", registered("late", "g1", "42/4203/420322/G1/L", 0));

        assertThat(paths()).containsEntry("late", "42/4213/420322/G1/L");
    }

    @Test
    void aMoveUnderAUnitWhoseOwnMoveOutHasNotArrivedYetEndsUpConsistentOnceItDoes() {
        givenTree();
        // membership-service moved G1 out to Suizhou, then Yunxi under G1; the second event arrives first here
        directory.apply("e-yunxi", moved("yunxi", "shiyan", "g1", "42/4203/420322", "42/4213/G1/420322", 1));
        directory.apply("e-g1", moved("g1", "yunxi", "suizhou", "42/4203/420322/G1", "42/4213/G1", 1));

        assertThat(paths()).containsEntry("g1", "42/4213/G1").containsEntry("g1a", "42/4213/G1/A")
                .containsEntry("yunxi", "42/4213/G1/420322");
        assertThat(new SubtreeRescoper(mongo, 2).pending(OrgDirectory.COLLECTION)).isEmpty();
    }

    @Test
    void eventsOfAnOrganisationApplyOnlyInIncreasingRevision() {
        givenTree();
        directory.apply("e-upd-2", updated("g1", "新名称", 2));
        directory.apply("e-upd-1", updated("g1", "旧名称", 1));
        directory.apply("e-reg-again", registered("g1", "yunxi", "42/4203/420322/G1", 0));

        assertThat(entry("g1").name()).isEqualTo("新名称");
        assertThat(directory.apply("e-stale-move",
                moved("g1", "yunxi", "zhushan", "42/4203/420322/G1", "42/4203/420323/G1", 2))).isFalse();
        assertThat(paths()).containsEntry("g1", "42/4203/420322/G1");
    }

    @Test
    void aDissolvedUnitIsReadableButLeftOutOfListsUnlessAsked() {
        givenTree();
        directory.apply("e-diss", new OrgDissolved("g1a", "42/4203/420322/G1/A", "ENTERPRISE_CLOSED",
                LocalDate.parse("2026-11-20"), 1, NOW));

        OrgDirectoryEntry dissolved = entry("g1a");
        assertThat(dissolved.dissolved()).isTrue();
        assertThat(dissolved.dissolvedOn()).isEqualTo(LocalDate.parse("2026-11-20"));
        OrgPrincipal yunxi = staff("42/4203/420322");
        assertThat(directory.listWithin(yunxi, false, 0, 50)).extracting(OrgDirectoryEntry::orgId)
                .containsExactly("yunxi", "g1");
        assertThat(directory.countWithin(yunxi, false)).isEqualTo(2);
        assertThat(directory.listWithin(yunxi, true, 0, 50)).extracting(OrgDirectoryEntry::orgId)
                .containsExactly("yunxi", "g1", "g1a");
    }

    @Test
    void anUpdateChangesNameAndIndustriesButNeverThePath() {
        givenTree();
        directory.apply("e-upd", new OrgUpdated("g1", "somewhere/else", "郧西县快递业联合工会", List.of("G", "G6020"),
                List.of(), null, null, null, null, List.of("name", "industryCodes"), 1, NOW));

        OrgDirectoryEntry g1 = entry("g1");
        assertThat(g1.name()).isEqualTo("郧西县快递业联合工会");
        assertThat(g1.industryCodes()).containsExactly("G", "G6020");
        assertThat(g1.path()).isEqualTo("42/4203/420322/G1");
    }

    private void givenTree() {
        directory.apply("r-hubei", registered("hubei", null, "42", 0));
        directory.apply("r-shiyan", registered("shiyan", "hubei", "42/4203", 0));
        directory.apply("r-suizhou", registered("suizhou", "hubei", "42/4213", 0));
        directory.apply("r-yunxi", registered("yunxi", "shiyan", "42/4203/420322", 0));
        directory.apply("r-zhushan", registered("zhushan", "shiyan", "42/4203/420323", 0));
        directory.apply("r-g1", registered("g1", "yunxi", "42/4203/420322/G1", 0));
        directory.apply("r-g1a", registered("g1a", "g1", "42/4203/420322/G1/A", 0));
    }

    private OrgDirectory directory(SubtreeRescoper rescoper) {
        return new OrgDirectory(mongo, new IdempotentProjection(mongo), rescoper, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static OrgRegistered registered(String id, String parentId, String path, long version) {
        String code = path.substring(path.lastIndexOf('/') + 1);
        return new OrgRegistered(id, code, "工会 " + code, "GRASSROOTS_UNION", parentId, path, null, NOW, List.of(),
                List.of(), null, null, null, null, version);
    }

    private static OrgUpdated updated(String id, String name, long version) {
        return new OrgUpdated(id, "ignored", name, List.of(), List.of(), null, null, null, null, List.of("name"),
                version, NOW);
    }

    private static OrgMoved moved(String id, String from, String to, String oldPath, String newPath, long version) {
        return new OrgMoved(id, from, to, oldPath, newPath, version, NOW);
    }

    private OrgDirectoryEntry entry(String id) {
        return directory.findWithin(id, staff("42")).orElseThrow();
    }

    private Map<String, String> paths() {
        Map<String, String> paths = new TreeMap<>();
        mongo.findAll(Document.class, OrgDirectory.COLLECTION).forEach(d -> paths.put(d.getString("_id"), d.getString("path")));
        return paths;
    }

    private static OrgPrincipal staff(String path) {
        return new OrgPrincipal("u-1", "staff", path, Set.of("union-staff"));
    }
}
