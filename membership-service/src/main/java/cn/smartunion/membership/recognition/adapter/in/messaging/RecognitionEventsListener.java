package cn.smartunion.membership.recognition.adapter.in.messaging;

import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.Topics;
import cn.smartunion.contracts.competition.HonourConferred;
import cn.smartunion.contracts.competition.HonourRevoked;
import cn.smartunion.contracts.competition.SkillLevelCertified;
import cn.smartunion.contracts.competition.TitleConferred;
import cn.smartunion.runtime.events.CloudEventCodec;
import cn.smartunion.runtime.events.InboundEvent;
import cn.smartunion.membership.recognition.adapter.out.mongo.MongoMemberRecognitions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Projects competition-service's honours, titles and skill-level certifications of members onto their profiles
 * ({@code competition.honour.v1}). Recognitions of teams, units and non-members (no memberId) are not members'
 * and are ignored, as are other event types.
 */
@Component
class RecognitionEventsListener {

    private static final Logger log = LoggerFactory.getLogger(RecognitionEventsListener.class);

    private final MongoMemberRecognitions recognitions;

    RecognitionEventsListener(MongoMemberRecognitions recognitions) {
        this.recognitions = recognitions;
    }

    @KafkaListener(topics = Topics.COMPETITION_HONOUR, groupId = "${spring.application.name}.member-recognitions")
    void on(ConsumerRecord<String, String> record) {
        InboundEvent event = CloudEventCodec.fromRecord(record);
        String type = event.type();
        Boolean applied = null;
        if (EventTypes.HONOUR_CONFERRED.type().equals(type)) {
            HonourConferred e = event.dataAs(HonourConferred.class);
            applied = e.memberId() == null ? null : recognitions.honourConferred(event.id(), e);
        } else if (EventTypes.HONOUR_REVOKED.type().equals(type)) {
            HonourRevoked e = event.dataAs(HonourRevoked.class);
            applied = e.memberId() == null ? null : recognitions.honourRevoked(event.id(), e);
        } else if (EventTypes.TITLE_CONFERRED.type().equals(type)) {
            TitleConferred e = event.dataAs(TitleConferred.class);
            applied = e.memberId() == null ? null : recognitions.titleConferred(event.id(), e);
        } else if (EventTypes.SKILL_LEVEL_CERTIFIED.type().equals(type)) {
            SkillLevelCertified e = event.dataAs(SkillLevelCertified.class);
            applied = e.memberId() == null ? null : recognitions.skillLevelCertified(event.id(), e);
        }
        if (applied != null) {
            log.debug("member recognitions: {} {} {}", type, event.subject(), applied ? "applied" : "already applied");
        }
    }
}
