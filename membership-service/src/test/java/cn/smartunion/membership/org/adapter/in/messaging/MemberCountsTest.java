package cn.smartunion.membership.org.adapter.in.messaging;

import cn.smartunion.contracts.CloudEventHeaders;
import cn.smartunion.contracts.EventType;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.Topics;
import cn.smartunion.contracts.membership.ActorKind;
import cn.smartunion.contracts.membership.JoinChannel;
import cn.smartunion.contracts.membership.MemberActivated;
import cn.smartunion.contracts.membership.MemberTransferred;
import cn.smartunion.contracts.membership.MembershipReinstated;
import cn.smartunion.contracts.membership.MembershipRetained;
import cn.smartunion.contracts.membership.MembershipTerminated;
import cn.smartunion.membership.MembershipSpringTest;
import cn.smartunion.membership.org.application.OrgRegistration;
import cn.smartunion.membership.org.domain.OrgPath;
import cn.smartunion.membership.org.domain.OrgType;
import cn.smartunion.membership.org.domain.OrgUnit;
import cn.smartunion.runtime.events.CloudEventCodec;
import cn.smartunion.runtime.outbox.OutboxEvent;
import cn.smartunion.runtime.outbox.OutboxEvents;
import org.apache.kafka.clients.consumer.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static cn.smartunion.runtime.testing.TestJwts.orgUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * Member counts follow {@code membership.member.v1} (the contract only: the events are published here by hand) and
 * never count a redelivered event twice.
 */
class MemberCountsTest extends MembershipSpringTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-21");

    @Autowired MockMvc mvc;
    @Autowired OrgRegistration registration;
    @Autowired KafkaTemplate<String, String> kafka;
    @Autowired OutboxEvents outboxEvents;

    private OrgUnit yunxi;
    private OrgUnit suizhou;

    @BeforeEach
    void twoUnions() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        registration.registerRootIfAbsent("420000", "湖北省总工会", OrgType.PROVINCIAL_FEDERATION);
        yunxi = registration.registerChildIfAbsent(new OrgPath("420000"), "YX" + run, "郧西县新就业形态工会联合会",
                OrgType.NEW_FORM_WORKER_UNION);
        suizhou = registration.registerChildIfAbsent(new OrgPath("420000"), "SZ" + run, "随县某企业工会",
                OrgType.GRASSROOTS_UNION);
    }

    @Test
    void activationsTransfersAndTerminationsMoveTheCountsAndRedeliveriesChangeNothing() {
        String a = member();
        String b = member();
        String c = member();
        List<OutboxEvent> history = List.of(
                activated(a, yunxi), activated(b, yunxi), activated(c, yunxi),
                transferred(a, yunxi, suizhou),
                retained(b, yunxi),
                terminated(c, yunxi),
                reinstated(b, yunxi));

        send(history);
        awaitCounts(1, 1);

        // the whole history once more (a consumer restarted from an older offset; a relay that published twice)
        send(history);
        send(List.of(activated(member(), suizhou)));
        awaitCounts(1, 2);
    }

    @Test
    void aBurstForOneOrganisationRedeliveredAsAWholeIsStillCountedOnce() {
        List<OutboxEvent> burst = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            burst.add(activated(member(), yunxi));
        }
        send(burst);
        send(burst);
        send(List.of(activated(member(), suizhou)));

        awaitCounts(150, 1);
    }

    @Test
    void aTransferWhoseActivationWasNeverSeenStillCountsAtTheDestinationAndNeverGoesNegative() {
        String a = member();
        send(List.of(transferred(a, yunxi, suizhou), terminated(member(), yunxi)));

        awaitCounts(0, 1);
    }

    @Test
    void anEventWithoutItsIdsGoesToTheDeadLetterTopicAndTheOthersFlowOn() {
        OutboxEvent broken = outboxEvents.create(EventTypes.MEMBER_ACTIVATED, "nobody", yunxi.path().value(),
                new MemberActivated(null, yunxi.id(), yunxi.path().value(), JoinChannel.QR_CODE, null, List.of(), null,
                        null, true, null, null, ActorKind.MEMBER, TODAY, Instant.now()));
        try (Consumer<String, String> dlt = consumer(Topics.deadLetterOf(Topics.MEMBERSHIP_MEMBER))) {
            send(List.of(broken, activated(member(), suizhou)));

            awaitCounts(0, 1);
            assertThat(awaitRecords(dlt, r -> broken.eventId().equals(ceHeader(r, CloudEventHeaders.ID)), 1)).hasSize(1);
        }
    }

    private void awaitCounts(int atYunxi, int atSuizhou) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            mvc.perform(get("/api/membership/v1/orgs/" + yunxi.id()).with(orgUser("420000", "union-staff")))
                    .andExpect(jsonPath("$.memberCount").value(atYunxi));
            mvc.perform(get("/api/membership/v1/orgs/" + suizhou.id()).with(orgUser("420000", "union-staff")))
                    .andExpect(jsonPath("$.memberCount").value(atSuizhou));
        });
    }

    private void send(List<OutboxEvent> events) {
        events.forEach(event -> kafka.send(CloudEventCodec.toRecord(event)));
        kafka.flush();
    }

    private OutboxEvent activated(String memberId, OrgUnit org) {
        return event(EventTypes.MEMBER_ACTIVATED, memberId, org, new MemberActivated(memberId, org.id(),
                org.path().value(), JoinChannel.PLATFORM_UNION, null, List.of("COURIER"), null, null, true, null, null,
                ActorKind.MEMBER, TODAY, Instant.now()));
    }

    private OutboxEvent transferred(String memberId, OrgUnit from, OrgUnit to) {
        return event(EventTypes.MEMBER_TRANSFERRED, memberId, to, new MemberTransferred(memberId, "t-" + memberId,
                from.id(), from.path().value(), to.id(), to.path().value(), false, "CHANGED_EMPLOYER", TODAY,
                Instant.now()));
    }

    private OutboxEvent retained(String memberId, OrgUnit org) {
        return event(EventTypes.MEMBERSHIP_RETAINED, memberId, org, new MembershipRetained(memberId, org.id(),
                org.path().value(), "LEFT_EMPLOYMENT", TODAY, Instant.now()));
    }

    private OutboxEvent reinstated(String memberId, OrgUnit org) {
        return event(EventTypes.MEMBERSHIP_REINSTATED, memberId, org, new MembershipReinstated(memberId, org.id(),
                org.path().value(), TODAY, Instant.now()));
    }

    private OutboxEvent terminated(String memberId, OrgUnit org) {
        return event(EventTypes.MEMBERSHIP_TERMINATED, memberId, org, new MembershipTerminated(memberId, org.id(),
                org.path().value(), "EXPELLED", TODAY, Instant.now()));
    }

    private OutboxEvent event(EventType type, String memberId, OrgUnit org, Object payload) {
        return outboxEvents.create(type, memberId, org.path().value(), payload);
    }

    private static String member() {
        return "m-" + UUID.randomUUID();
    }
}
