package cn.smartunion.competition.members;

import cn.smartunion.competition.CompetitionSpringTest;
import cn.smartunion.competition.members.domain.MemberStanding;
import cn.smartunion.competition.members.domain.MemberView;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.membership.ActorKind;
import cn.smartunion.contracts.membership.JoinChannel;
import cn.smartunion.contracts.membership.MemberAccountLinked;
import cn.smartunion.contracts.membership.MemberActivated;
import cn.smartunion.contracts.membership.MemberEmploymentChanged;
import cn.smartunion.contracts.membership.MemberTransferred;
import cn.smartunion.contracts.membership.MembershipTerminated;
import cn.smartunion.runtime.events.CloudEventCodec;
import cn.smartunion.runtime.outbox.OutboxEvent;
import cn.smartunion.runtime.outbox.OutboxEvents;
import cn.smartunion.runtime.testing.TestCreditCodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Membership's member events, consumed from Kafka, tell competition-service each member's grassroots union, employer,
 * standing and signed-in account; redeliveries change nothing.
 */
class MemberDirectoryTest extends CompetitionSpringTest {

    private static final String Y0001 = YUNXI + "/Y0001";

    @Autowired KafkaTemplate<String, String> kafka;
    @Autowired OutboxEvents outboxEvents;

    @Test
    void membershipEventsBuildTheDirectoryOnceEach() {
        String memberId = "m-" + UUID.randomUUID();
        String account = UUID.randomUUID().toString();
        String employer = TestCreditCodes.valid();
        String newEmployer = TestCreditCodes.valid();
        OutboxEvent activated = event(EventTypes.MEMBER_ACTIVATED, memberId, new MemberActivated(memberId,
                "org-Y0001", Y0001, JoinChannel.QR_CODE, null, List.of("DELIVERY_RIDER"), "FULL_TIME", employer, true,
                null, null, ActorKind.MEMBER, LocalDate.of(2025, 5, 1), Instant.now()));
        OutboxEvent linked = event(EventTypes.MEMBER_ACCOUNT_LINKED, memberId,
                new MemberAccountLinked(memberId, "org-Y0001", Y0001, account, Instant.now()));
        send(activated, linked, activated, linked);

        await().atMost(Duration.ofSeconds(30)).until(() -> memberDirectory.findByAccount(account).isPresent());
        MemberView view = memberDirectory.findByAccount(account).orElseThrow();
        assertThat(view.memberId()).isEqualTo(memberId);
        assertThat(view.orgId()).isEqualTo("org-Y0001");
        assertThat(view.orgPath()).isEqualTo(Y0001);
        assertThat(view.employerCreditCode()).isEqualTo(employer);
        assertThat(view.groupTags()).containsExactly("DELIVERY_RIDER");
        assertThat(view.isMember()).isTrue();

        send(event(EventTypes.MEMBER_EMPLOYMENT_CHANGED, memberId, new MemberEmploymentChanged(memberId, "org-Y0001",
                        Y0001, newEmployer, "FULL_TIME", List.of(), Instant.now())),
                event(EventTypes.MEMBER_TRANSFERRED, memberId, new MemberTransferred(memberId, "t-1", "org-Y0001",
                        Y0001, "org-Z0001", ZHUSHAN + "/Z0001", false, "CHANGED_EMPLOYER", LocalDate.of(2026, 3, 1),
                        Instant.now())),
                event(EventTypes.MEMBERSHIP_TERMINATED, memberId, new MembershipTerminated(memberId, "org-Z0001",
                        ZHUSHAN + "/Z0001", "LEFT_JOB", LocalDate.of(2026, 9, 1), Instant.now())));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(memberDirectory.find(memberId).orElseThrow().standing())
                        .isEqualTo(MemberStanding.TERMINATED));
        MemberView moved = memberDirectory.find(memberId).orElseThrow();
        assertThat(moved.orgId()).isEqualTo("org-Z0001");
        assertThat(moved.employerCreditCode()).isEqualTo(newEmployer);
        assertThat(moved.accountSubject()).isEqualTo(account);
        assertThat(moved.isMember()).isFalse();
    }

    private OutboxEvent event(cn.smartunion.contracts.EventType type, String memberId, Object payload) {
        return outboxEvents.create(type, memberId, YUNXI, payload);
    }

    private void send(OutboxEvent... events) {
        for (OutboxEvent event : events) {
            kafka.send(CloudEventCodec.toRecord(event));
        }
        kafka.flush();
    }
}
