package cn.smartunion.membership.enrolment.adapter.in.web;

import cn.smartunion.membership.enrolment.ControllableRosterEnrolment;
import cn.smartunion.membership.enrolment.GeneratedRoster;
import com.jayway.jsonpath.JsonPath;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A worker that dies mid-job: its job is left RUNNING under a lease nobody renews. Killing a worker thread is not
 * possible, so the tests hold the worker at a row and then make the job look like a dead instance's (another
 * worker id, a lapsed lease), exactly what the database shows after a crash. The live worker must take the job
 * over from its checkpoint, and the held one must change nothing once it wakes.
 */
class EnrolmentJobRecoveryTest extends EnrolmentApiTestSupport {

    @Test
    void aJobLeftRunningByADeadWorkerResumesAfterItsCheckpointAndNoEarlierRowIsEnrolledTwice() throws Exception {
        GeneratedRoster roster = PEOPLE.roster(3_000, 40, null);
        String id;
        try (ControllableRosterEnrolment.Hold hold = register.holdAt(1_503)) {
            id = submit(roster.csv(), "resume.csv", CSV);
            await().atMost(Duration.ofSeconds(60)).until(() -> hold.reached()
                    && intAt(job(id), "$.processed") == 1_500);
            diedHolding(id);

            await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(JsonPath.read(job(id), "$.status")));
        }
        String done = job(id);
        assertThat((String) JsonPath.read(done, "$.status")).isEqualTo("COMPLETED");
        assertThat(intAt(done, "$.processed")).isEqualTo(3_000);
        assertThat(intAt(done, "$.rejected")).isEqualTo(75);
        assertThat(intAt(done, "$.activated")).isEqualTo(2_925);
        assertThat(intAt(done, "$.alreadyMembers")).isZero();

        // rows up to the checkpoint (sheet row 1501) were asked once; after it, at most by both workers
        for (int row = 2; row <= 1_501; row++) {
            if (!roster.defects().containsKey(row)) {
                assertThat(register.callsFor(id, row)).as("row %d", row).isEqualTo(1);
            }
        }
        assertThat(register.callsFor(id, 1_503)).isBetween(1, 2);
        assertThat(outboxOf(id)).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void aJobWhoseStoredRosterIsGoneIsFailedAndTheSameFileMayBeUploadedAgain() throws Exception {
        GeneratedRoster roster = new GeneratedRoster(PEOPLE.people(50));
        String id;
        try (ControllableRosterEnrolment.Hold hold = register.holdAt(5)) {
            id = submit(roster.csv(), "lost.csv", CSV);
            await().atMost(Duration.ofSeconds(60)).until(hold::reached);
            mongo.remove(Query.query(where("jobId").is(id)), "enrolment_uploads");
            diedHolding(id);

            String failed = awaitStatus(id, "FAILED");
            assertThat((String) JsonPath.read(failed, "$.failure.code")).isEqualTo("FILE_MISSING");
            assertThat((String) JsonPath.read(failed, "$.failure.message")).isNotBlank();
        }
        // rows 2 to 5 were enrolled before the crash (never checkpointed), and the woken worker may have enrolled a
        // few more before it noticed it had lost the job: the new job reports those as members already
        String again = JsonPath.read(upload(roster.csv(), "lost.csv", CSV, yunxi.id(), YUNXI, "union-staff")
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString(), "$.id");
        assertThat(again).isNotEqualTo(id);
        String done = awaitStatus(again, "COMPLETED");
        assertThat(intAt(done, "$.alreadyMembers")).isGreaterThanOrEqualTo(4);
        assertThat(intAt(done, "$.activated") + intAt(done, "$.alreadyMembers")).isEqualTo(50);
        for (int i = 0; i < 4; i++) {
            assertThat(register.register().memberWithIdNumber(roster.people().get(i).idNumber())
                    .getString("enrolmentBatchId")).isEqualTo(id);
        }
        String failed = job(id);
        assertThat((String) JsonPath.read(failed, "$.status")).isEqualTo("FAILED");
        assertThat(intAt(failed, "$.processed")).isZero();
    }

    @Test
    void aRowThatKeepsFailingEndsTheJobAfterTheAllowedAttemptsKeepingWhatWasDone() throws Exception {
        GeneratedRoster roster = new GeneratedRoster(PEOPLE.people(1_200));
        register.failAt(1_100);
        try {
            String id = submit(roster.csv(), "poison.csv", CSV);

            String failed = awaitStatus(id, "FAILED");

            assertThat((String) JsonPath.read(failed, "$.failure.code")).isEqualTo("INTERRUPTED_REPEATEDLY");
            assertThat(intAt(failed, "$.processed")).isEqualTo(1_098);
            assertThat(intAt(failed, "$.activated")).isEqualTo(1_098);
            assertThat(register.callsFor(id, 600)).isEqualTo(1);
            assertThat(register.callsFor(id, 1_100)).isEqualTo(3);
            assertThat(outboxOf(id)).isEmpty();
            // the upload is deleted right after the job is marked FAILED, which the poll above may see first
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(mongo.count(Query.query(where("jobId").is(id)), "enrolment_uploads")).isZero());
        } finally {
            register.failAt(0);
        }
    }

    /** What the database shows when the worker holding {@code id} died: another instance's lease, lapsed. */
    private void diedHolding(String id) {
        mongo.updateFirst(Query.query(where("_id").is(id)), new Update().set("worker", "enrolment-dead-instance")
                .set("leaseUntil", Date.from(Instant.now().minusSeconds(1))), "enrolment_jobs");
    }

    private java.util.List<Document> outboxOf(String id) {
        return mongo.findById(id, Document.class, "enrolment_jobs").getList("outbox", Document.class);
    }
}
