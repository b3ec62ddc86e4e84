package cn.smartunion.membership.member.adapter.in.scheduling;

import cn.smartunion.membership.member.application.MemberTransfers;
import cn.smartunion.membership.member.application.TransferSettings;
import cn.smartunion.runtime.scheduling.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Expires transfers left unanswered past their deadline, every {@code expiry-sweep-interval}. Every replica runs
 * one; they need no coordination because each expiry is a conditional write of one member document, so of two
 * sweepers reaching the same transfer exactly one closes it (the other's write matches nothing and is dropped).
 */
@Component
class TransferExpirySweeper extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(TransferExpirySweeper.class);

    private final MemberTransfers transfers;
    private final Duration interval;

    TransferExpirySweeper(MemberTransfers transfers, TransferSettings settings) {
        super("transfer-expiry");
        this.transfers = transfers;
        this.interval = settings.expirySweepInterval();
    }

    /** One sweep; what the schedule runs. */
    int sweep() {
        int expired = transfers.expireDue();
        if (expired > 0) {
            log.info("transfer expiry: {} transfer(s) expired", expired);
        }
        return expired;
    }

    @Override
    protected void runOnce() {
        sweep();
    }

    @Override
    protected Duration interval() {
        return interval;
    }
}
