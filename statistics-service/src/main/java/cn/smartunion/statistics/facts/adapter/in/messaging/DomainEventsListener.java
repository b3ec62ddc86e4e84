package cn.smartunion.statistics.facts.adapter.in.messaging;

import cn.smartunion.contracts.Topics;
import cn.smartunion.runtime.events.CloudEventCodec;
import cn.smartunion.runtime.events.InboundEvent;
import cn.smartunion.runtime.events.MalformedEventException;
import cn.smartunion.statistics.facts.application.FactRecorder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Reads every domain topic that feeds a metric, each in its own consumer group reading from the earliest offset, and
 * records each event's fact once. Event types that feed no metric are skipped. A fresh group (or a reset one) replays
 * a topic from its start; the facts already stored make that a no-op.
 */
@Component
class DomainEventsListener {

    private static final Logger log = LoggerFactory.getLogger(DomainEventsListener.class);

    private final FactRecorder recorder;

    DomainEventsListener(FactRecorder recorder) {
        this.recorder = recorder;
    }

    @KafkaListener(topics = Topics.MEMBERSHIP_ORG, groupId = "${spring.application.name}.facts.membership-org")
    void onOrg(ConsumerRecord<String, String> record) {
        record(record);
    }

    @KafkaListener(topics = Topics.MEMBERSHIP_MEMBER, groupId = "${spring.application.name}.facts.membership-member")
    void onMember(ConsumerRecord<String, String> record) {
        record(record);
    }

    @KafkaListener(topics = Topics.AID_CASE, groupId = "${spring.application.name}.facts.aid-case")
    void onHardshipCase(ConsumerRecord<String, String> record) {
        record(record);
    }

    @KafkaListener(topics = Topics.AID_CAMPAIGN, groupId = "${spring.application.name}.facts.aid-campaign")
    void onCampaign(ConsumerRecord<String, String> record) {
        record(record);
    }

    @KafkaListener(topics = Topics.AID_APPLICATION, groupId = "${spring.application.name}.facts.aid-application")
    void onAidApplication(ConsumerRecord<String, String> record) {
        record(record);
    }

    @KafkaListener(topics = Topics.AID_DISBURSEMENT, groupId = "${spring.application.name}.facts.aid-disbursement")
    void onDisbursement(ConsumerRecord<String, String> record) {
        record(record);
    }

    @KafkaListener(topics = Topics.AID_MUTUAL_AID, groupId = "${spring.application.name}.facts.aid-mutual-aid")
    void onMutualAid(ConsumerRecord<String, String> record) {
        record(record);
    }

    @KafkaListener(topics = Topics.RIGHTS_WORK_ORDER, groupId = "${spring.application.name}.facts.rights-work-order")
    void onWorkOrder(ConsumerRecord<String, String> record) {
        record(record);
    }

    @KafkaListener(topics = Topics.RIGHTS_DISPUTE, groupId = "${spring.application.name}.facts.rights-dispute")
    void onDispute(ConsumerRecord<String, String> record) {
        record(record);
    }

    @KafkaListener(topics = Topics.RIGHTS_SUPERVISION, groupId = "${spring.application.name}.facts.rights-supervision")
    void onSupervision(ConsumerRecord<String, String> record) {
        record(record);
    }

    @KafkaListener(topics = Topics.RIGHTS_BARGAINING, groupId = "${spring.application.name}.facts.rights-bargaining")
    void onBargaining(ConsumerRecord<String, String> record) {
        record(record);
    }

    @KafkaListener(topics = Topics.COMPETITION_COMPETITION,
            groupId = "${spring.application.name}.facts.competition-competition")
    void onCompetition(ConsumerRecord<String, String> record) {
        record(record);
    }

    @KafkaListener(topics = Topics.COMPETITION_ENTRY, groupId = "${spring.application.name}.facts.competition-entry")
    void onEntry(ConsumerRecord<String, String> record) {
        record(record);
    }

    @KafkaListener(topics = Topics.COMPETITION_HONOUR, groupId = "${spring.application.name}.facts.competition-honour")
    void onHonour(ConsumerRecord<String, String> record) {
        record(record);
    }

    @KafkaListener(topics = Topics.COMPETITION_INNOVATION,
            groupId = "${spring.application.name}.facts.competition-innovation")
    void onInnovation(ConsumerRecord<String, String> record) {
        record(record);
    }

    private void record(ConsumerRecord<String, String> record) {
        InboundEvent event = CloudEventCodec.fromRecord(record);
        Optional<Class<?>> payloadType = recorder.payloadType(event.type());
        if (payloadType.isEmpty()) {
            return;
        }
        Object payload = event.dataAs(payloadType.get());
        boolean counted;
        try {
            counted = recorder.record(event.id(), event.type(), event.orgPath(), event.time(), payload);
        } catch (IllegalArgumentException incomplete) {
            throw new MalformedEventException(incomplete.getMessage());
        }
        log.debug("facts: {} {} {}", event.type(), event.id(), counted ? "counted" : "counted before");
    }
}
