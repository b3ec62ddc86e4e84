package cn.smartunion.runtime.rescope;

import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.Topics;
import cn.smartunion.contracts.membership.OrgMoved;
import cn.smartunion.runtime.events.CloudEventCodec;
import cn.smartunion.runtime.events.InboundEvent;
import cn.smartunion.runtime.events.MalformedEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

import java.util.List;

/**
 * Moves a service's own records along when membership-service moves part of the tree: on {@code OrgMoved}, every
 * {@link RescopeTarget#ownedRecords owned-records} target is re-pathed from the old prefix to the new one. The
 * re-pathing is conditional on the old path, so a redelivery after a crash finishes the work and a replay changes
 * nothing; the offset is committed only once every target is done.
 */
public class OwnedRecordsFollowMoves {

    private static final Logger log = LoggerFactory.getLogger(OwnedRecordsFollowMoves.class);

    private final SubtreeRescoper rescoper;
    private final List<RescopeTarget> targets;

    public OwnedRecordsFollowMoves(SubtreeRescoper rescoper, List<RescopeTarget> targets) {
        this.rescoper = rescoper;
        this.targets = targets.stream().filter(RescopeTarget::includeRoot).toList();
    }

    @KafkaListener(topics = Topics.MEMBERSHIP_ORG, groupId = "${spring.application.name}.owned-records-rescope")
    public void on(ConsumerRecord<String, String> record) {
        InboundEvent event = CloudEventCodec.fromRecord(record);
        if (!EventTypes.ORG_MOVED.type().equals(event.type())) {
            return;
        }
        OrgMoved moved = event.dataAs(OrgMoved.class);
        if (moved.oldPath() == null || moved.newPath() == null) {
            throw new MalformedEventException("OrgMoved " + event.id() + " lacks a path");
        }
        for (RescopeTarget target : targets) {
            long count = rescoper.rescope(target, moved.oldPath(), moved.newPath());
            log.info("rescope: org {} moved, {} record(s) of {} follow", moved.orgId(), count, target.collection());
        }
    }
}
