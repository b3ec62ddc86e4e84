package cn.smartunion.runtime.scheduling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Work a service repeats on its own daemon thread while it runs (an outbox relay, a sweeper): each run comes a fixed
 * delay after the previous one ended; a failed run is logged and the next comes on schedule. Stops before the Kafka
 * producer and the Mongo client close, waiting up to 10 s for a run in progress.
 */
public abstract class PeriodicTask implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private ScheduledExecutorService scheduler;

    protected PeriodicTask(String name) {
        this.name = name;
    }

    /** One run. */
    protected abstract void runOnce();

    protected abstract Duration interval();

    /** The delay before the first run; by default one interval. */
    protected Duration initialDelay() {
        return interval();
    }

    /** Whether there is anything to do in this service at all; checked once at start. */
    protected boolean hasWork() {
        return true;
    }

    /** A run threw: logged without its stack trace (it is retried on schedule). */
    protected void failed(RuntimeException e) {
        log.warn("{}: run failed, next one in {}: {}", name, interval(), e.getMessage());
    }

    private void runQuietly() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler != null || !hasWork()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::runQuietly, initialDelay().toMillis(), interval().toMillis(),
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

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }
}
