package cn.smartunion.aid.eligibility;

import cn.smartunion.aid.AidSpringTest;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.membership.ActorKind;
import cn.smartunion.contracts.membership.JoinChannel;
import cn.smartunion.contracts.membership.MemberActivated;
import cn.smartunion.contracts.membership.MembershipTerminated;
import cn.smartunion.runtime.events.CloudEventCodec;
import cn.smartunion.runtime.outbox.OutboxEvent;
import cn.smartunion.runtime.outbox.OutboxEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Membership's member events, consumed from Kafka, give each member's standing on any date. */
class MembershipEventsTest extends AidSpringTest {

    @Autowired KafkaTemplate<String, String> kafka;
    @Autowired OutboxEvents outboxEvents;

    @Test
    void standingFollowsActivationAndTerminationByTheirEffectiveDatesAndRedeliveriesChangeNothing() throws Exception {
        String memberId = "m-" + UUID.randomUUID();
        OutboxEvent activated = outboxEvents.create(EventTypes.MEMBER_ACTIVATED, memberId, YUNXI,
                new MemberActivated(memberId, YUNXI_ID, YUNXI, JoinChannel.ONLINE_APPLICATION, null,
                        List.of("TRUCK_DRIVER"), null, null, true, null, null, ActorKind.STAFF, LocalDate.of(2024, 3, 1),
                        Instant.now()));
        OutboxEvent terminated = outboxEvents.create(EventTypes.MEMBERSHIP_TERMINATED, memberId, YUNXI,
                new MembershipTerminated(memberId, YUNXI_ID, YUNXI, "LEFT_JOB", LocalDate.of(2026, 6, 30),
                        Instant.now()));
        for (OutboxEvent event : List.of(activated, terminated, activated, terminated)) {
            kafka.send(CloudEventCodec.toRecord(event));
        }
        kafka.flush();

        String standing = "/api/aid/v1/member-standings/" + memberId;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get(standing + "?on=2026-07-01").with(staff(YUNXI, "aid-officer")))
                        .andExpect(status().isOk()).andExpect(jsonPath("$.standing").value("TERMINATED")));
        mvc.perform(get(standing + "?on=2026-06-29").with(staff(YUNXI, "aid-officer")))
                .andExpect(jsonPath("$.standing").value("ACTIVE"))
                .andExpect(jsonPath("$.groupTags[0]").value("TRUCK_DRIVER"));
        mvc.perform(get(standing + "?on=2024-02-29").with(staff(YUNXI, "aid-officer")))
                .andExpect(jsonPath("$.standing").value("NOT_A_MEMBER"));
        mvc.perform(get(standing).with(staff(ZHUSHAN, "aid-officer"))).andExpect(status().isNotFound());
        mvc.perform(get(standing).with(staff(SHIYAN, "aid-approver"))).andExpect(status().isOk());
        var record = mongo.findById(memberId, org.bson.Document.class, "member_records");
        org.assertj.core.api.Assertions.assertThat(record.getList("changes", Object.class)).hasSize(2);
    }
}
