package cn.smartunion.aid.eligibility.adapter.in.messaging;

import cn.smartunion.aid.eligibility.adapter.out.mongo.MongoMemberRecords;
import cn.smartunion.aid.eligibility.domain.MemberStanding;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.Topics;
import cn.smartunion.contracts.membership.MemberActivated;
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

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Keeps aid-service's member records from {@code membership.member.v1}: standing over time (eligibility, claims judged
 * on the date of illness), union (scope) and worker groups. Other event types of the topic are ignored.
 */
@Component
class MembershipEventsListener {

    private static final Logger log = LoggerFactory.getLogger(MembershipEventsListener.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final MongoMemberRecords records;

    MembershipEventsListener(MongoMemberRecords records) {
        this.records = records;
    }

    @KafkaListener(topics = Topics.MEMBERSHIP_MEMBER, groupId = "${spring.application.name}.member-records")
    void on(ConsumerRecord<String, String> record) {
        InboundEvent event = CloudEventCodec.fromRecord(record);
        String type = event.type();
        Boolean applied = null;
        if (EventTypes.MEMBER_ACTIVATED.type().equals(type)) {
            MemberActivated e = event.dataAs(MemberActivated.class);
            require(event, e.memberId());
            applied = records.activated(event.id(), e.memberId(), e.orgId(), e.orgPath(), e.groupTags(),
                    orToday(e.effectiveOn(), e.activatedAt()));
        } else if (EventTypes.MEMBERSHIP_RETAINED.type().equals(type)) {
            MembershipRetained e = event.dataAs(MembershipRetained.class);
            require(event, e.memberId());
            applied = records.standingChanged(event.id(), e.memberId(), e.orgId(), e.orgPath(),
                    MemberStanding.RETAINED, orToday(e.since(), e.occurredAt()));
        } else if (EventTypes.MEMBERSHIP_REINSTATED.type().equals(type)) {
            MembershipReinstated e = event.dataAs(MembershipReinstated.class);
            require(event, e.memberId());
            applied = records.standingChanged(event.id(), e.memberId(), e.orgId(), e.orgPath(),
                    MemberStanding.ACTIVE, orToday(e.effectiveOn(), e.occurredAt()));
        } else if (EventTypes.MEMBERSHIP_TERMINATED.type().equals(type)) {
            MembershipTerminated e = event.dataAs(MembershipTerminated.class);
            require(event, e.memberId());
            applied = records.standingChanged(event.id(), e.memberId(), e.orgId(), e.orgPath(),
                    MemberStanding.TERMINATED, orToday(e.effectiveOn(), e.occurredAt()));
        } else if (EventTypes.MEMBER_TRANSFERRED.type().equals(type)) {
            MemberTransferred e = event.dataAs(MemberTransferred.class);
            require(event, e.memberId());
            applied = records.moved(event.id(), e.memberId(), e.toOrgId(), e.toOrgPath());
        } else if (EventTypes.MEMBER_GROUP_TAGS_CHANGED.type().equals(type)) {
            MemberGroupTagsChanged e = event.dataAs(MemberGroupTagsChanged.class);
            require(event, e.memberId());
            applied = records.groupTagsChanged(event.id(), e.memberId(), e.groupTags());
        }
        if (applied != null) {
            log.debug("member records: {} {} {}", type, event.subject(), applied ? "applied" : "already applied");
        }
    }

    private static LocalDate orToday(LocalDate date, java.time.Instant at) {
        if (date != null) {
            return date;
        }
        return at == null ? LocalDate.now(CHINA) : LocalDate.ofInstant(at, CHINA);
    }

    private static void require(InboundEvent event, String memberId) {
        if (memberId == null || memberId.isBlank()) {
            throw new MalformedEventException("event " + event.id() + " of type " + event.type() + " lacks the member id");
        }
    }
}
