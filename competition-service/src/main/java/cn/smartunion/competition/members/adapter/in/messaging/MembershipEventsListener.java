package cn.smartunion.competition.members.adapter.in.messaging;

import cn.smartunion.competition.members.adapter.out.mongo.MongoMemberDirectory;
import cn.smartunion.competition.members.domain.MemberStanding;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.Topics;
import cn.smartunion.contracts.membership.MemberAccountLinked;
import cn.smartunion.contracts.membership.MemberActivated;
import cn.smartunion.contracts.membership.MemberEmploymentChanged;
import cn.smartunion.contracts.membership.MemberGroupTagsChanged;
import cn.smartunion.contracts.membership.MemberTransferred;
import cn.smartunion.contracts.membership.MembershipReinstated;
import cn.smartunion.contracts.membership.MembershipRetained;
import cn.smartunion.contracts.membership.MembershipTerminated;
import cn.smartunion.runtime.events.CloudEventCodec;
import cn.smartunion.runtime.events.InboundEvent;
import cn.smartunion.runtime.events.MalformedEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps competition-service's member directory from {@code membership.member.v1}: standing, grassroots union, worker
 * groups, employer and linked account. Other event types of the topic are ignored.
 */
@Component
class MembershipEventsListener {

    private static final Logger log = LoggerFactory.getLogger(MembershipEventsListener.class);

    private final MongoMemberDirectory members;

    MembershipEventsListener(MongoMemberDirectory members) {
        this.members = members;
    }

    @KafkaListener(topics = Topics.MEMBERSHIP_MEMBER, groupId = "${spring.application.name}.member-views")
    void on(ConsumerRecord<String, String> record) {
        InboundEvent event = CloudEventCodec.fromRecord(record);
        String type = event.type();
        Boolean applied = null;
        if (EventTypes.MEMBER_ACTIVATED.type().equals(type)) {
            MemberActivated e = event.dataAs(MemberActivated.class);
            require(event, e.memberId());
            applied = members.activated(event.id(), e.memberId(), e.orgId(), e.orgPath(), e.groupTags(),
                    e.employerCreditCode());
        } else if (EventTypes.MEMBERSHIP_RETAINED.type().equals(type)) {
            MembershipRetained e = event.dataAs(MembershipRetained.class);
            require(event, e.memberId());
            applied = members.standingChanged(event.id(), e.memberId(), e.orgId(), e.orgPath(), MemberStanding.RETAINED);
        } else if (EventTypes.MEMBERSHIP_REINSTATED.type().equals(type)) {
            MembershipReinstated e = event.dataAs(MembershipReinstated.class);
            require(event, e.memberId());
            applied = members.standingChanged(event.id(), e.memberId(), e.orgId(), e.orgPath(), MemberStanding.ACTIVE);
        } else if (EventTypes.MEMBERSHIP_TERMINATED.type().equals(type)) {
            MembershipTerminated e = event.dataAs(MembershipTerminated.class);
            require(event, e.memberId());
            applied = members.standingChanged(event.id(), e.memberId(), e.orgId(), e.orgPath(),
                    MemberStanding.TERMINATED);
        } else if (EventTypes.MEMBER_TRANSFERRED.type().equals(type)) {
            MemberTransferred e = event.dataAs(MemberTransferred.class);
            require(event, e.memberId());
            applied = members.moved(event.id(), e.memberId(), e.toOrgId(), e.toOrgPath());
        } else if (EventTypes.MEMBER_GROUP_TAGS_CHANGED.type().equals(type)) {
            MemberGroupTagsChanged e = event.dataAs(MemberGroupTagsChanged.class);
            require(event, e.memberId());
            applied = members.groupTagsChanged(event.id(), e.memberId(), e.groupTags());
        } else if (EventTypes.MEMBER_EMPLOYMENT_CHANGED.type().equals(type)) {
            MemberEmploymentChanged e = event.dataAs(MemberEmploymentChanged.class);
            require(event, e.memberId());
            applied = members.employmentChanged(event.id(), e.memberId(), e.employerCreditCode());
        } else if (EventTypes.MEMBER_ACCOUNT_LINKED.type().equals(type)) {
            MemberAccountLinked e = event.dataAs(MemberAccountLinked.class);
            require(event, e.memberId());
            applied = members.accountLinked(event.id(), e.memberId(), e.accountSubject());
        }
        if (applied != null) {
            log.debug("member views: {} {} {}", type, event.subject(), applied ? "applied" : "already applied");
        }
    }

    private static void require(InboundEvent event, String memberId) {
        if (memberId == null || memberId.isBlank()) {
            throw new MalformedEventException("event " + event.id() + " of type " + event.type() + " lacks the member id");
        }
    }
}
