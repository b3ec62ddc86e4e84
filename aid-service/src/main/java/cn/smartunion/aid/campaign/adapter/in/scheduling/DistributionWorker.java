package cn.smartunion.aid.campaign.adapter.in.scheduling;

import cn.smartunion.aid.campaign.application.DistributionLists;
import cn.smartunion.runtime.scheduling.PeriodicTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.UUID;

/** Works queued distribution lists, one at a time per replica; replicas share the queue through leases. */
@Component
class DistributionWorker extends PeriodicTask {

    private final DistributionLists lists;
    private final Duration interval;
    private final String owner = "distribution-worker-" + UUID.randomUUID();

    DistributionWorker(DistributionLists lists,
                       @Value("${smartunion.aid.distribution-poll-interval:1s}") Duration interval) {
        super("distribution-worker");
        this.lists = lists;
        this.interval = interval;
    }

    @Override
    protected void runOnce() {
        while (lists.workNext(owner)) {
            // next queued job
        }
    }

    @Override
    protected Duration interval() {
        return interval;
    }
}
