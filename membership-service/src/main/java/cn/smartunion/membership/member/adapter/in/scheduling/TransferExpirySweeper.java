package cn.smartunion.membership.member.adapter.in.scheduling;

import cn.smartunion.membership.member.application.MemberTransfers;
import cn.smartunion.membership.member.application.TransferSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Expires transfers left unanswered past their deadline, every {@code expiry-sweep-interval}. Every replica runs
 * one; they need no coordination because each expiry is a conditional write of one member document, so of two
 * sweepers reaching the same transfer exactly one closes it (the other's write matches nothing and is dropped).
 */
@Component
class TransferExpirySweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TransferExpirySweeper.class);

    private final MemberTransfers transfers;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    TransferExpirySweeper(MemberTransfers transfers, TransferSettings settings) {
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

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("transfer expiry: sweep failed, next one in {}: {}", interval, e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "transfer-expiry");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::sweepQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
        scheduler = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
