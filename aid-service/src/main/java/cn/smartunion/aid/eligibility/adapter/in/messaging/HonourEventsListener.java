package cn.smartunion.aid.eligibility.adapter.in.messaging;

import cn.smartunion.aid.eligibility.adapter.out.mongo.MongoMemberRecords;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.Topics;
import cn.smartunion.contracts.competition.HonourConferred;
import cn.smartunion.contracts.competition.HonourRevoked;
import cn.smartunion.runtime.events.CloudEventCodec;
import cn.smartunion.runtime.events.InboundEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps members' honours from {@code competition.honour.v1}, so aid officers see who is a model worker (劳模 care).
 * Honours of teams, units and non-members (no memberId) and other event types are ignored.
 */
@Component
class HonourEventsListener {

    private static final Logger log = LoggerFactory.getLogger(HonourEventsListener.class);

    private final MongoMemberRecords records;

    HonourEventsListener(MongoMemberRecords records) {
        this.records = records;
    }

    @KafkaListener(topics = Topics.COMPETITION_HONOUR, groupId = "${spring.application.name}.member-honours")
    void on(ConsumerRecord<String, String> record) {
        InboundEvent event = CloudEventCodec.fromRecord(record);
        Boolean applied = null;
        if (EventTypes.HONOUR_CONFERRED.type().equals(event.type())) {
            HonourConferred e = event.dataAs(HonourConferred.class);
            if (e.memberId() != null) {
                applied = records.honourConferred(event.id(), e.memberId(), e.honourId(), e.type().name(),
                        e.level().name(), e.cycle(), e.conferredOn());
            }
        } else if (EventTypes.HONOUR_REVOKED.type().equals(event.type())) {
            HonourRevoked e = event.dataAs(HonourRevoked.class);
            if (e.memberId() != null) {
                applied = records.honourRevoked(event.id(), e.memberId(), e.honourId(), e.revokedOn());
            }
        }
        if (applied != null) {
            log.debug("member honours: {} {} {}", event.type(), event.subject(), applied ? "applied" : "already applied");
        }
    }
}
