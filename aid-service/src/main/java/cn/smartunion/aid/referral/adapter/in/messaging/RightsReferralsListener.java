package cn.smartunion.aid.referral.adapter.in.messaging;

import cn.smartunion.aid.referral.application.HardshipReferrals;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.Topics;
import cn.smartunion.contracts.rights.HardshipReferred;
import cn.smartunion.runtime.events.CloudEventCodec;
import cn.smartunion.runtime.events.InboundEvent;
import cn.smartunion.runtime.events.MalformedEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Hardship referred by rights-service ({@code rights.referral.v1}) becomes a referral in the union's aid inbox. */
@Component
class RightsReferralsListener {

    private static final Logger log = LoggerFactory.getLogger(RightsReferralsListener.class);

    private final HardshipReferrals referrals;

    RightsReferralsListener(HardshipReferrals referrals) {
        this.referrals = referrals;
    }

    @KafkaListener(topics = Topics.RIGHTS_REFERRAL, groupId = "${spring.application.name}.hardship-referrals")
    void on(ConsumerRecord<String, String> record) {
        InboundEvent event = CloudEventCodec.fromRecord(record);
        if (!EventTypes.HARDSHIP_REFERRED.type().equals(event.type())) {
            return;
        }
        HardshipReferred referred = event.dataAs(HardshipReferred.class);
        if (referred.referralId() == null || referred.orgPath() == null || referred.source() == null
                || referred.orgId() == null) {
            throw new MalformedEventException("event " + event.id() + " lacks the referral id, source or union");
        }
        boolean applied = referrals.received(event.id(), referred);
        log.debug("hardship referral {} {}", referred.referralId(), applied ? "received" : "already received");
    }
}
