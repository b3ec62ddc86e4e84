package cn.smartunion.aid.eligibility;

import cn.smartunion.aid.AidSpringTest;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.competition.HonourConferred;
import cn.smartunion.contracts.competition.HonourLevel;
import cn.smartunion.contracts.competition.HonourRevoked;
import cn.smartunion.contracts.competition.HonourType;
import cn.smartunion.contracts.competition.RecipientType;
import cn.smartunion.contracts.competition.RevocationReason;
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

/**
 * Membership's member events, consumed from Kafka, give each member's standing on any date; competition-service's honour
 * events tell who is a model worker.
 */
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

    @Test
    void aConferredModelWorkerHonourMakesTheMemberAModelWorkerUntilItIsRevoked() throws Exception {
        String memberId = "m-" + UUID.randomUUID();
        String honourId = "h-" + UUID.randomUUID();
        OutboxEvent activated = outboxEvents.create(EventTypes.MEMBER_ACTIVATED, memberId, YUNXI,
                new MemberActivated(memberId, YUNXI_ID, YUNXI, JoinChannel.ONLINE_APPLICATION, null, List.of(), null,
                        null, true, null, null, ActorKind.STAFF, LocalDate.of(2020, 3, 1), Instant.now()));
        OutboxEvent conferred = outboxEvents.create(EventTypes.HONOUR_CONFERRED, honourId, YUNXI,
                new HonourConferred(honourId, HonourType.MODEL_WORKER, HonourLevel.PROVINCIAL, "2021-2025",
                        RecipientType.INDIVIDUAL, memberId, "p-1", null, null, true, List.of(), YUNXI_ID, YUNXI,
                        HUBEI, LocalDate.of(2026, 4, 28), Instant.now()));
        OutboxEvent teamHonour = outboxEvents.create(EventTypes.HONOUR_CONFERRED, "h-team", YUNXI,
                new HonourConferred("h-team", HonourType.WORKERS_PIONEER, HonourLevel.PROVINCIAL, "2026",
                        RecipientType.TEAM, null, null, "team-1", null, true, List.of(), YUNXI_ID, YUNXI, HUBEI,
                        LocalDate.of(2026, 4, 28), Instant.now()));
        for (OutboxEvent event : List.of(activated, conferred, teamHonour, conferred)) {
            kafka.send(CloudEventCodec.toRecord(event));
        }
        kafka.flush();

        String standing = "/api/aid/v1/member-standings/" + memberId;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get(standing).with(staff(YUNXI, "aid-officer")))
                        .andExpect(status().isOk()).andExpect(jsonPath("$.modelWorker").value(true))
                        .andExpect(jsonPath("$.honours.length()").value(1))
                        .andExpect(jsonPath("$.honours[0].type").value("MODEL_WORKER"))
                        .andExpect(jsonPath("$.honours[0].level").value("PROVINCIAL"))
                        .andExpect(jsonPath("$.honours[0].conferredOn").value("2026-04-28")));

        kafka.send(CloudEventCodec.toRecord(outboxEvents.create(EventTypes.HONOUR_REVOKED, honourId, YUNXI,
                new HonourRevoked(honourId, HonourType.MODEL_WORKER, HonourLevel.PROVINCIAL,
                        RecipientType.INDIVIDUAL, memberId, "p-1", null, null, RevocationReason.CRIMINAL_CONVICTION,
                        YUNXI_ID, YUNXI, LocalDate.of(2026, 11, 2), Instant.now()))));
        kafka.flush();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get(standing).with(staff(YUNXI, "aid-officer")))
                        .andExpect(jsonPath("$.modelWorker").value(false))
                        .andExpect(jsonPath("$.honours[0].revokedOn").value("2026-11-02")));
    }
}
