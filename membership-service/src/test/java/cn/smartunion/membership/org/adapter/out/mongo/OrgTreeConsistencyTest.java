package cn.smartunion.membership.org.adapter.out.mongo;

import cn.smartunion.contracts.EventTypes;
import cn.smartunion.membership.org.application.MoveOrg;
import cn.smartunion.membership.org.application.OrgPlacement;
import cn.smartunion.membership.org.application.OrgRegistration;
import cn.smartunion.membership.org.application.OrgRestructuring;
import cn.smartunion.membership.org.application.RegisterOrg;
import cn.smartunion.membership.org.domain.OrgPath;
import cn.smartunion.membership.org.domain.OrgProfile;
import cn.smartunion.membership.org.domain.OrgType;
import cn.smartunion.membership.org.domain.OrgUnit;
import cn.smartunion.membership.org.domain.OrgUnits;
import cn.smartunion.runtime.outbox.OutboxEvents;
import cn.smartunion.runtime.problem.ConflictException;
import cn.smartunion.runtime.rescope.RescopeProperties;
import cn.smartunion.runtime.rescope.RescopeSweeper;
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
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The tree stays consistent without multi-document transactions: a move interrupted by a crash is finished by the
 * sweeper, a half-done re-pathing is completed without doing anything twice, and registrations racing a move or a
 * dissolution of their parent end up in a consistent place (with events that say so).
 */
class OrgTreeConsistencyTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final OrgPrincipal PROVINCE_ADMIN = new OrgPrincipal("u-1", "admin", "420000", Set.of("union-admin"));

    private static MongoWireServer server;
    private static MongoClient client;

    private MongoTemplate mongo;
    private SubtreeRescoper rescoper;
    private OutboxEvents outboxEvents;
    private MongoOrgUnits units;
    private OrgUnit suizhou;
    private OrgUnit yunxi;
    private OrgUnit union;
    private OrgUnit branch;

    @BeforeAll
    static void startServer() {
        server = MongoWireServer.start();
        client = MongoClients.create(server.connectionString("orgs"));
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.close();
    }

    @BeforeEach
    void tree() {
        mongo = new MongoTemplate(client, "orgs-" + UUID.randomUUID());
        mongo.indexOps(OrgUnitDocument.COLLECTION).createIndex(new Index("path", Sort.Direction.ASC).unique());
        rescoper = new SubtreeRescoper(mongo, 2);
        outboxEvents = new OutboxEvents(JsonMapper.builder().build(), CLOCK, null);
        units = new MongoOrgUnits(mongo, outboxEvents, rescoper);
        OrgRegistration registration = registration(units);
        registration.registerRootIfAbsent("420000", "湖北省总工会", OrgType.PROVINCIAL_FEDERATION);
        OrgPath hubei = new OrgPath("420000");
        registration.registerChildIfAbsent(hubei, "420300", "十堰市总工会", OrgType.CITY_FEDERATION);
        suizhou = registration.registerChildIfAbsent(hubei, "421300", "随州市总工会", OrgType.CITY_FEDERATION);
        yunxi = registration.registerChildIfAbsent(hubei.child("420300"), "420322", "郧西县总工会", OrgType.COUNTY_FEDERATION);
        union = registration.registerChildIfAbsent(yunxi.path(), "G1", "郧西县某企业工会", OrgType.GRASSROOTS_UNION);
        branch = registration.registerChildIfAbsent(union.path(), "B1", "一车间分会", OrgType.SUB_BRANCH);
    }

    @Test
    void aMoveInterruptedAfterItsFirstWriteIsRefusedAroundAndFinishedOnceByTheSweeper() {
        units.save(yunxi.moveUnder(suizhou, NOW).orElseThrow());   // ... and the process dies here

        assertThat(path(yunxi)).isEqualTo("420000/421300/420322");
        assertThat(path(branch)).isEqualTo("420000/420300/420322/G1/B1");
        assertThat(units.reorganising(branch.path(), false)).isTrue();
        assertThatThrownBy(() -> registration(units).register(
                new RegisterOrg(union.id(), "B2", "二车间分会", OrgType.SUB_BRANCH), PROVINCE_ADMIN))
                .isInstanceOf(ConflictException.class).hasMessageContaining("reorganised");
        assertThatThrownBy(() -> restructuring(units).move(new MoveOrg(union.id(), suizhou.id()), PROVINCE_ADMIN, null))
                .isInstanceOf(ConflictException.class);

        RescopeSweeper sweeper = sweeper();
        assertThat(sweeper.sweep(Duration.ZERO)).isEqualTo(1);
        assertThat(sweeper.sweep(Duration.ZERO)).isZero();

        assertThat(path(union)).isEqualTo("420000/421300/420322/G1");
        assertThat(path(branch)).isEqualTo("420000/421300/420322/G1/B1");
        assertThat(document(yunxi)).doesNotContainKey(SubtreeRescoper.MARKER);
        assertThat(eventTypes(yunxi)).containsExactly(EventTypes.ORG_REGISTERED.type(), EventTypes.ORG_MOVED.type());
        assertThat(units.reorganising(branch.path(), false)).isFalse();
    }

    @Test
    void aReScopingThatCrashedHalfwayIsCompletedWithoutTouchingAnythingTwice() {
        units.save(yunxi.moveUnder(suizhou, NOW).orElseThrow());
        mongo.updateFirst(Query.query(where("_id").is(branch.id())),
                new Update().set("path", "420000/421300/420322/G1/B1").inc("version", 1), OrgUnitDocument.COLLECTION);

        units.finishReorganisation(yunxi.id());
        units.finishReorganisation(yunxi.id());

        assertThat(path(union)).isEqualTo("420000/421300/420322/G1");
        assertThat(path(branch)).isEqualTo("420000/421300/420322/G1/B1");
        assertThat(units.findById(union.id()).orElseThrow().version()).isEqualTo(1);
        assertThat(units.findById(branch.id()).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void aChangeComputedBeforeItsUnitWasReScopedCannotBeWritten() {
        OrgUnit readBeforeTheMove = units.findById(union.id()).orElseThrow();
        restructuring(units).move(new MoveOrg(yunxi.id(), suizhou.id()), PROVINCE_ADMIN, null);

        var staleUpdate = readBeforeTheMove.update("新名称", OrgProfile.none(), NOW).orElseThrow();
        assertThatThrownBy(() -> units.save(staleUpdate)).isInstanceOf(OrgUnits.StaleOrgUnit.class);
        assertThat(path(union)).isEqualTo("420000/421300/420322/G1");
    }

    @Test
    void aDissolutionComputedBeforeAUnitArrivedUnderneathIsNotWritten() {
        long revision = units.childrenRevision(branch.id());
        var dissolution = units.findById(branch.id()).orElseThrow()
                .dissolve("ENTERPRISE_CLOSED", LocalDate.parse("2026-11-20"), 0, 0, NOW);
        registration(units).registerChildIfAbsent(branch.path(), "Z1", "小组", OrgType.UNION_GROUP);

        assertThatThrownBy(() -> units.save(dissolution, revision)).isInstanceOf(OrgUnits.StaleOrgUnit.class);
        assertThat(units.findById(branch.id()).orElseThrow().isDissolved()).isFalse();
    }

    @Test
    void aRegistrationWhoseParentWasDissolvedMeanwhileIsUndoneWithEventsThatSaySo() {
        MongoOrgUnits racing = new MongoOrgUnits(mongo, outboxEvents, rescoper) {
            @Override
            public void add(OrgUnit.Registered registration) {
                // the dissolution of the parent counted its units before this insert and commits right after it
                super.add(registration);
                mongo.updateFirst(Query.query(where("_id").is(branch.id())),
                        new Update().set("dissolved", true).set("dissolutionReason", "ENTERPRISE_CLOSED")
                                .set("dissolvedOn", "2026-11-20"), OrgUnitDocument.COLLECTION);
            }
        };

        assertThatThrownBy(() -> registration(racing).register(
                new RegisterOrg(branch.id(), "Z2", "小组", OrgType.UNION_GROUP), PROVINCE_ADMIN))
                .isInstanceOf(ConflictException.class).hasMessageContaining("dissolved");

        OrgUnit orphan = units.findByPath(branch.path().child("Z2")).orElseThrow();
        assertThat(orphan.isDissolved()).isTrue();
        assertThat(orphan.dissolution().reasonCode()).isEqualTo("PARENT_DISSOLVED");
        assertThat(eventTypes(orphan)).containsExactly(EventTypes.ORG_REGISTERED.type(), EventTypes.ORG_DISSOLVED.type());
    }

    @Test
    void aRegistrationWhoseParentMovedMeanwhileFollowsItWithAMoveOfItsOwn() {
        MongoOrgUnits racing = new MongoOrgUnits(mongo, outboxEvents, rescoper) {
            private boolean raced;

            @Override
            public void add(OrgUnit.Registered registration) {
                if (!raced) {
                    // the parent's county moves, re-pathing finished, between reading the parent and this insert
                    raced = true;
                    restructuring(units).move(new MoveOrg(yunxi.id(), suizhou.id()), PROVINCE_ADMIN, null);
                }
                super.add(registration);
            }
        };

        OrgUnit late = registration(racing).register(new RegisterOrg(union.id(), "B3", "三车间分会", OrgType.SUB_BRANCH),
                PROVINCE_ADMIN);

        assertThat(late.path().value()).isEqualTo("420000/421300/420322/G1/B3");
        assertThat(eventTypes(late)).containsExactly(EventTypes.ORG_REGISTERED.type(), EventTypes.ORG_MOVED.type());
        assertThat(document(late)).doesNotContainKey(SubtreeRescoper.MARKER);
    }

    private OrgRegistration registration(OrgUnits orgUnits) {
        return new OrgRegistration(orgUnits, new OrgPlacement(orgUnits, CLOCK), CLOCK);
    }

    private OrgRestructuring restructuring(OrgUnits orgUnits) {
        return new OrgRestructuring(orgUnits, new OrgPlacement(orgUnits, CLOCK), CLOCK);
    }

    private RescopeSweeper sweeper() {
        var targets = new DefaultListableBeanFactory();
        targets.registerSingleton("orgs", OrgStorage.ORGS_BELOW);
        return new RescopeSweeper(rescoper, targets.getBeanProvider(RescopeTarget.class), new RescopeProperties(), CLOCK);
    }

    private String path(OrgUnit unit) {
        return document(unit).getString("path");
    }

    private Document document(OrgUnit unit) {
        return mongo.findById(unit.id(), Document.class, OrgUnitDocument.COLLECTION);
    }

    private List<String> eventTypes(OrgUnit unit) {
        return document(unit).getList("outbox", Document.class).stream().map(e -> e.getString("type")).toList();
    }
}
