package cn.smartunion.systemtest.reliability;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import cn.smartunion.systemtest.suite.Deployable;
import cn.smartunion.systemtest.suite.ConsumerGroups;
import cn.smartunion.systemtest.suite.Suite;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reliability scenario 2 (issue 10): aid-service's member projection ({@code member_records}, fed by
 * {@code membership.member.v1}) is built from 10,000 events (2,000 in the build: {@link
 * MemberEventRecords#scenarioEvents()}) published straight to the topic in membership-service's wire format, while
 * aid-service is killed (SIGKILL) three times at seeded random points of the stream, each in the middle of a poll with
 * effects applied past its last commit, and started again; then its consumer group is rewound to the earliest offset and the topic replayed, twice; last the test's
 * documents are deleted and rebuilt by one more replay, the fault-free reference. The projection's content (the
 * test's documents, every field: nothing in {@code member_records} is volatile by design) hashes the same after the
 * faults, after each replay and in the reference, and holds exactly the expected effects.
 *
 * <p>Five events a member, interleaved so a kill leaves members half-built: activated, group tags changed, retained,
 * reinstated, transferred to a second union. Expected per member: one document at the second union, three standing
 * changes, five applied event ids.
 */
class ConsumerCrashReplayTest {

    static final String GROUP = "aid-service.member-records";
    private static final int EVENTS = MemberEventRecords.scenarioEvents();
    private static final long SEED = Long.getLong("reliability.consumer-faults.seed", 20_261_122L);
    private static final int EVENTS_PER_MEMBER = 5;
    private static final int KILLS = 3;
    private static final Duration CATCH_UP = Duration.ofMinutes(10);

    private static Suite suite;

    @BeforeAll
    static void startSuite() {
        suite = Suite.shared();
    }

    @Test
    void killedThreeTimesThenReplayedTwiceTheProjectionEqualsAFaultFreeBuild() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String prefix = "crash-" + run + "-";
        int members = EVENTS / EVENTS_PER_MEMBER;
        List<ProducerRecord<String, String>> events = memberHistories(prefix, run, members);
        Random random = new Random(SEED);

        List<Long> killedAt = new ArrayList<>();
        List<Long> appliedBeyondCommit = new ArrayList<>();
        String faulty;
        String replay1;
        String replay2;
        String reference;
        ProjectionDigest rebuilt;
        try (ConsumerGroups offsets = new ConsumerGroups(suite)) {
            await(GROUP + " is reading").atMost(CATCH_UP).until(() -> offsets.readersOf(MemberEventRecords.TOPIC).contains(GROUP));
            offsets.awaitNoLag(List.of(GROUP), CATCH_UP);
            Map<Integer, Long> start = offsets.committed(GROUP, MemberEventRecords.TOPIC);
            MemberEventRecords.publish(suite, events);

            for (int kill = 0; kill < KILLS; kill++) {
                // the k-th kill somewhere in the k-th quarter of the stream, never at its very start or end
                long threshold = (long) (EVENTS * (kill + 0.2 + 0.6 * random.nextDouble()) / 4);
                await("aid-service has read " + threshold + " of the test's events").atMost(CATCH_UP)
                        .pollInterval(Duration.ofMillis(20)).until(() -> progress(offsets, start) >= threshold);
                // then into the next poll: killed once it has applied a seeded number of effects it has not
                // committed (or, should the polls outrun the sampling, a few polls later)
                long uncommitted = 1 + random.nextInt(60);
                await("aid-service is " + uncommitted + " effects past its last commit").atMost(CATCH_UP)
                        .pollInterval(Duration.ofMillis(100)).until(() -> {
                            long committed = progress(offsets, start);
                            return digest(prefix).totalOf("appliedEvents") - committed >= uncommitted
                                    || committed >= threshold + 300;
                        });
                suite.kill(Deployable.AID);
                long committed = progress(offsets, start);
                killedAt.add(committed);
                // effects applied past the last commit: these events will be delivered again after the restart
                appliedBeyondCommit.add(digest(prefix).totalOf("appliedEvents") - committed);
                suite.start(Deployable.AID);
            }
            offsets.awaitNoLag(List.of(GROUP), CATCH_UP);
            ProjectionDigest afterFaults = digest(prefix);
            faulty = afterFaults.sha256();
            assertExpectedEffects("after the kills", afterFaults, members);

            replay1 = replay(offsets, prefix, false).sha256();
            replay2 = replay(offsets, prefix, false).sha256();
            rebuilt = replay(offsets, prefix, true);
            reference = rebuilt.sha256();
        }

        System.out.printf("RELIABILITY consumer-crash-replay: %d events, killed %d times (at offsets %s of the test's "
                        + "events; %s effects past the last commit redelivered), hash %s, 2 replays %s, %s the "
                        + "fault-free hash %s (%d members, %d standing changes, %d applied events)%n",
                EVENTS, KILLS, killedAt, appliedBeyondCommit, shortHash(faulty),
                faulty.equals(replay1) && faulty.equals(replay2) ? "identical" : "DIFFERENT (" + shortHash(replay1)
                        + ", " + shortHash(replay2) + ")",
                faulty.equals(reference) ? "equals" : "DIFFERS FROM", shortHash(reference), rebuilt.documents().size(),
                rebuilt.totalOf("changes"), rebuilt.totalOf("appliedEvents"));
        assertThat(killedAt).as("committed progress at each kill").hasSize(KILLS).allMatch(at -> at < EVENTS);
        assertThat(replay1).as("the hash after the first replay").isEqualTo(faulty);
        assertThat(replay2).as("the hash after the second replay").isEqualTo(faulty);
        assertThat(reference).as("the fault-free hash").isEqualTo(faulty);
        assertExpectedEffects("fault-free", rebuilt, members);
    }

    /**
     * Stops aid-service, rewinds its member group to the earliest offset (deleting the test's documents first for the
     * fault-free build), starts it and waits until it has read the topic again.
     */
    private static ProjectionDigest replay(ConsumerGroups offsets, String prefix, boolean fromScratch) {
        suite.stop(Deployable.AID);
        if (fromScratch) {
            ProjectionDigest.delete(suite.mongoUri("aid"), "aid", "member_records", prefix);
            assertThat(digest(prefix).documents()).as("the test's documents, deleted").isEmpty();
        }
        // the group is empty once the stopped consumer's leave is through
        await("rewinding " + GROUP).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().untilAsserted(() -> offsets.rewindToEarliest(GROUP));
        suite.start(Deployable.AID);
        offsets.awaitNoLag(List.of(GROUP), CATCH_UP);
        return digest(prefix);
    }

    private static void assertExpectedEffects(String when, ProjectionDigest projection, int members) {
        assertThat(projection.documents()).as(when + ": member documents").hasSize(members);
        assertThat(projection.totalOf("changes")).as(when + ": standing changes").isEqualTo(3L * members);
        assertThat(projection.totalOf("appliedEvents")).as(when + ": applied events")
                .isEqualTo((long) EVENTS_PER_MEMBER * members);
        assertThat(projection.documents()).as(when + ": every member at the second union, tags changed once")
                .allSatisfy(member -> {
                    assertThat(member.getString("orgPath")).startsWith(MemberEventRecords.YUNXI + "/B");
                    assertThat(member.getString("orgId")).startsWith("org-b");
                    assertThat(member.getList("groupTags", String.class))
                            .containsExactly("MIGRANT_WORKER", "NEW_FORM_WORKER");
                });
    }

    private static ProjectionDigest digest(String prefix) {
        // member_records has no field that changes with the time of processing: nothing is left out
        return ProjectionDigest.of(suite.mongoUri("aid"), "aid", "member_records", prefix, Set.of());
    }

    /** The test's events the group has committed, over all partitions. */
    private static long progress(ConsumerGroups offsets, Map<Integer, Long> start) {
        return offsets.committed(GROUP, MemberEventRecords.TOPIC).entrySet().stream()
                .mapToLong(partition -> partition.getValue() - start.getOrDefault(partition.getKey(), 0L)).sum();
    }

    /** Five events a member, round by round, so every member's history is spread over the whole stream. */
    private static List<ProducerRecord<String, String>> memberHistories(String prefix, String run, int members) {
        MemberEventRecords.Union first = MemberEventRecords.Union.underYunxi("A" + run.toUpperCase());
        MemberEventRecords.Union second = MemberEventRecords.Union.underYunxi("B" + run.toUpperCase());
        LocalDate joined = LocalDate.of(2026, 1, 5);
        Instant at = Instant.parse("2026-11-01T02:00:00Z");
        List<ProducerRecord<String, String>> events = new ArrayList<>(members * EVENTS_PER_MEMBER);
        for (int round = 0; round < EVENTS_PER_MEMBER; round++) {
            for (int m = 0; m < members; m++) {
                String member = prefix + String.format("%06d", m);
                LocalDate day = joined.plusDays(m % 200);
                Instant when = at.plusSeconds(round * 86_400L + m);
                events.add(switch (round) {
                    case 0 -> MemberEventRecords.activated(member, first, List.of("MIGRANT_WORKER"), day, when);
                    case 1 -> MemberEventRecords.groupTagsChanged(member, first, List.of("NEW_FORM_WORKER"),
                            List.of("MIGRANT_WORKER", "NEW_FORM_WORKER"), when);
                    case 2 -> MemberEventRecords.retained(member, first, day.plusDays(30), when);
                    case 3 -> MemberEventRecords.reinstated(member, first, day.plusDays(60), when);
                    default -> MemberEventRecords.transferred(member, "transfer-" + member, first, second,
                            day.plusDays(90), when);
                });
            }
        }
        return events;
    }

    private static String shortHash(String sha256) {
        return sha256.substring(0, 16);
    }
}
