package cn.smartunion.aid.campaign.adapter.in.scheduling;

import cn.smartunion.aid.campaign.application.CondolenceDistribution;
import cn.smartunion.runtime.scheduling.PeriodicTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** Pays deliveries a crash left recorded but unpaid (see {@link CondolenceDistribution}). */
@Component
class UnpaidDeliverySweeper extends PeriodicTask {

    /** Long enough that a delivery still being paid by its request is never taken for a crashed one. */
    private static final Duration GRACE = Duration.ofMinutes(1);

    private final CondolenceDistribution distribution;
    private final Duration interval;

    UnpaidDeliverySweeper(CondolenceDistribution distribution,
                          @Value("${smartunion.aid.disbursement-sweep-interval:1m}") Duration interval) {
        super("unpaid-delivery-sweeper");
        this.distribution = distribution;
        this.interval = interval;
    }

    @Override
    protected void runOnce() {
        distribution.payUnpaid(GRACE);
    }

    @Override
    protected Duration interval() {
        return interval;
    }
}
