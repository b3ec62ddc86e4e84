package cn.smartunion.runtime.rescope;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Finishes the rescopes a crash left half done: once right after start-up (every marker) and then periodically
 * (markers older than the grace period), for every {@link RescopeTarget} bean. Safe next to a request or listener
 * still working on the same marker, and next to other instances, because every step is conditional.
 */
public class RescopeSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RescopeSweeper.class);

    private final SubtreeRescoper rescoper;
    private final ObjectProvider<RescopeTarget> targets;
    private final RescopeProperties properties;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public RescopeSweeper(SubtreeRescoper rescoper, ObjectProvider<RescopeTarget> targets,
                          RescopeProperties properties, Clock clock) {
        this.rescoper = rescoper;
        this.targets = targets;
        this.properties = properties;
        this.clock = clock;
    }

    /** One pass over every target; returns how many markers were finished. */
    public int sweep(Duration grace) {
        int finished = 0;
        for (RescopeTarget target : targets.orderedStream().toList()) {
            int count = rescoper.finishAllPending(target, clock.instant().minus(grace));
            if (count > 0) {
                log.info("rescope: finished {} interrupted subtree move(s) in {}", count, target.collection());
            }
            finished += count;
        }
        return finished;
    }

    private void sweepQuietly(Duration grace) {
        try {
            sweep(grace);
        } catch (RuntimeException e) {
            log.warn("rescope: sweep failed, next one in {}: {}", properties.getSweepInterval(), e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        List<RescopeTarget> declared = targets.orderedStream().toList();
        if (scheduler != null || declared.isEmpty()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "rescope-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.execute(() -> sweepQuietly(Duration.ZERO));
        long interval = properties.getSweepInterval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> sweepQuietly(properties.getGrace()), interval, interval,
                TimeUnit.MILLISECONDS);
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

    /** Stop before the Mongo client closes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }
}
