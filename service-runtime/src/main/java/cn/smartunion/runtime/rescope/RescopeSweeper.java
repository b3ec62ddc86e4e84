package cn.smartunion.runtime.rescope;

import cn.smartunion.runtime.scheduling.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

import java.time.Clock;
import java.time.Duration;

/**
 * Finishes the rescopes a crash left half done: once right after start-up (every marker) and then periodically
 * (markers older than the grace period), for every {@link RescopeTarget} bean. Safe next to a request or listener
 * still working on the same marker, and next to other instances, because every step is conditional.
 */
public class RescopeSweeper extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(RescopeSweeper.class);

    private final SubtreeRescoper rescoper;
    private final ObjectProvider<RescopeTarget> targets;
    private final RescopeProperties properties;
    private final Clock clock;
    private volatile boolean startedUp;

    public RescopeSweeper(SubtreeRescoper rescoper, ObjectProvider<RescopeTarget> targets,
                          RescopeProperties properties, Clock clock) {
        super("rescope-sweeper");
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

    /** The first run, right at start-up, finishes every marker; later ones only markers older than the grace. */
    @Override
    protected void runOnce() {
        sweep(startedUp ? properties.getGrace() : Duration.ZERO);
        startedUp = true;
    }

    @Override
    protected Duration initialDelay() {
        return Duration.ZERO;
    }

    @Override
    protected Duration interval() {
        return properties.getSweepInterval();
    }

    @Override
    protected boolean hasWork() {
        return targets.orderedStream().findAny().isPresent();
    }
}
