package cn.smartunion.aid.disbursement.adapter.in.scheduling;

import cn.smartunion.aid.disbursement.application.Disbursements;
import cn.smartunion.runtime.scheduling.PeriodicTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** Completes disbursements a crash left half done (see {@link Disbursements}); replicas need no coordination. */
@Component
class PendingDisbursementSweeper extends PeriodicTask {

    /** Long enough that a payment still being made by a request is never taken for a crashed one. */
    private static final Duration GRACE = Duration.ofMinutes(1);

    private final Disbursements disbursements;
    private final Duration interval;

    PendingDisbursementSweeper(Disbursements disbursements,
                               @Value("${smartunion.aid.disbursement-sweep-interval:1m}") Duration interval) {
        super("disbursement-sweeper");
        this.disbursements = disbursements;
        this.interval = interval;
    }

    @Override
    protected void runOnce() {
        disbursements.finishPending(GRACE);
    }

    @Override
    protected Duration interval() {
        return interval;
    }
}
