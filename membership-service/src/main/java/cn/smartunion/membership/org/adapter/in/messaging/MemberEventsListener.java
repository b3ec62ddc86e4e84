package cn.smartunion.membership.org.adapter.in.messaging;

import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.Topics;
import cn.smartunion.contracts.membership.MemberActivated;
import cn.smartunion.contracts.membership.MemberTransferred;
import cn.smartunion.contracts.membership.MembershipReinstated;
import cn.smartunion.contracts.membership.MembershipRetained;
import cn.smartunion.contracts.membership.MembershipTerminated;
import cn.smartunion.membership.org.application.MemberCounting;
import cn.smartunion.runtime.events.CloudEventCodec;
import cn.smartunion.runtime.events.InboundEvent;
import cn.smartunion.runtime.events.MalformedEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the organisations' member counts from {@code membership.member.v1}. Only the contract is consumed, so the
 * counts follow whichever feature publishes the member events. Other event types of the topic are ignored.
 */
@Component
class MemberEventsListener {

    private static final Logger log = LoggerFactory.getLogger(MemberEventsListener.class);

    private final MemberCounting counting;

    MemberEventsListener(MemberCounting counting) {
        this.counting = counting;
    }

    @KafkaListener(topics = Topics.MEMBERSHIP_MEMBER, groupId = "${spring.application.name}.org-member-counts")
    void on(ConsumerRecord<String, String> record) {
        InboundEvent event = CloudEventCodec.fromRecord(record);
        String type = event.type();
        Boolean applied = null;
        if (EventTypes.MEMBER_ACTIVATED.type().equals(type)) {
            MemberActivated activated = event.dataAs(MemberActivated.class);
            require(event, activated.memberId(), activated.orgId());
            applied = counting.activated(event.id(), activated);
        } else if (EventTypes.MEMBER_TRANSFERRED.type().equals(type)) {
            MemberTransferred transferred = event.dataAs(MemberTransferred.class);
            require(event, transferred.memberId(), transferred.toOrgId());
            applied = counting.transferred(event.id(), transferred);
        } else if (EventTypes.MEMBERSHIP_TERMINATED.type().equals(type)) {
            MembershipTerminated terminated = event.dataAs(MembershipTerminated.class);
            require(event, terminated.memberId(), "-");
            applied = counting.terminated(event.id(), terminated);
        } else if (EventTypes.MEMBERSHIP_RETAINED.type().equals(type)) {
            MembershipRetained retained = event.dataAs(MembershipRetained.class);
            require(event, retained.memberId(), retained.orgId());
            applied = counting.retained(event.id(), retained);
        } else if (EventTypes.MEMBERSHIP_REINSTATED.type().equals(type)) {
            MembershipReinstated reinstated = event.dataAs(MembershipReinstated.class);
            require(event, reinstated.memberId(), reinstated.orgId());
            applied = counting.reinstated(event.id(), reinstated);
        }
        if (applied != null) {
            log.debug("member counts: {} {} {}", type, event.subject(), applied ? "applied" : "already applied");
        }
    }

    /** An event without the ids it is counted by can never be applied: straight to the dead-letter topic. */
    private static void require(InboundEvent event, String memberId, String orgId) {
        if (memberId == null || memberId.isBlank() || orgId == null || orgId.isBlank()) {
            throw new MalformedEventException("event " + event.id() + " of type " + event.type()
                    + " lacks the member or organisation id");
        }
    }
}
