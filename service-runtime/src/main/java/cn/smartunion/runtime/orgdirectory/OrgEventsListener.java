package cn.smartunion.runtime.orgdirectory;

import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.Topics;
import cn.smartunion.contracts.membership.OrgDissolved;
import cn.smartunion.contracts.membership.OrgMoved;
import cn.smartunion.contracts.membership.OrgRegistered;
import cn.smartunion.contracts.membership.OrgUpdated;
import cn.smartunion.runtime.events.CloudEventCodec;
import cn.smartunion.runtime.events.InboundEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/** Keeps the {@link OrgDirectory} up to date from membership-service's organisation events. */
public class OrgEventsListener {

    private static final Logger log = LoggerFactory.getLogger(OrgEventsListener.class);

    private final OrgDirectory directory;

    public OrgEventsListener(OrgDirectory directory) {
        this.directory = directory;
    }

    @KafkaListener(topics = Topics.MEMBERSHIP_ORG, groupId = "${spring.application.name}.org-directory")
    public void on(ConsumerRecord<String, String> record) {
        InboundEvent event = CloudEventCodec.fromRecord(record);
        Boolean applied = null;
        if (EventTypes.ORG_REGISTERED.type().equals(event.type())) {
            applied = directory.apply(event.id(), event.dataAs(OrgRegistered.class));
        } else if (EventTypes.ORG_UPDATED.type().equals(event.type())) {
            applied = directory.apply(event.id(), event.dataAs(OrgUpdated.class));
        } else if (EventTypes.ORG_MOVED.type().equals(event.type())) {
            applied = directory.apply(event.id(), event.dataAs(OrgMoved.class));
        } else if (EventTypes.ORG_DISSOLVED.type().equals(event.type())) {
            applied = directory.apply(event.id(), event.dataAs(OrgDissolved.class));
        }
        if (applied == null) {
            log.debug("org directory: ignoring event type {}", event.type());
        } else {
            log.info("org directory: {} {} {}", event.type(), event.subject(), applied ? "applied" : "already applied");
        }
    }
}
