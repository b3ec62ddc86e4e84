package cn.smartunion.membership.enrolment.adapter.in.worker;

import cn.smartunion.membership.enrolment.application.EnrolmentJobQueued;
import cn.smartunion.membership.enrolment.application.EnrolmentProperties;
import cn.smartunion.membership.enrolment.application.RosterEnrolment;
import cn.smartunion.membership.enrolment.application.RosterFiles;
import cn.smartunion.membership.enrolment.application.RosterImport;
import cn.smartunion.membership.enrolment.domain.EnrolmentJob;
import cn.smartunion.membership.enrolment.domain.EnrolmentJobs;
import cn.smartunion.membership.enrolment.domain.FailureCode;
import cn.smartunion.membership.enrolment.domain.JobStatus;
import cn.smartunion.runtime.personaldata.LogRedaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs import jobs off the request threads, at most {@code smartunion.enrolment.workers} at once per instance. Jobs
 * wait in the database, not in a memory queue: a worker claims the oldest one that is queued, or running under a
 * lapsed lease (its instance died), takes a lease on it, and renews the lease while it works. So a job left
 * RUNNING by a dead process is resumed from its checkpoint by the first instance that looks after the lease lapses
 * (at start-up and every poll), and one that keeps failing is failed after {@code max-attempts} starts.
 */
@Component
class EnrolmentWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EnrolmentWorker.class);
    private static final Duration ORPHAN_SWEEP = Duration.ofMinutes(10);

    private final String id = "enrolment-" + UUID.randomUUID();
    private final EnrolmentJobs jobs;
    private final RosterFiles files;
    private final RosterImport rosterImport;
    private final RosterEnrolment enrolment;
    private final EnrolmentProperties properties;
    private final Clock clock;
    /** The runs of this instance; one job may have two for a moment, when a run lost it to a new one. */
    private final Set<Claim> running = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private Semaphore slots;
    private ScheduledExecutorService scheduler;
    private ExecutorService pool;
    private Instant nextOrphanSweep = Instant.EPOCH;

    EnrolmentWorker(EnrolmentJobs jobs, RosterFiles files, RosterImport rosterImport,
                    RosterEnrolment enrolment, EnrolmentProperties properties, Clock clock) {
        this.jobs = jobs;
        this.files = files;
        this.rosterImport = rosterImport;
        this.enrolment = enrolment;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        stopping.set(false);
        slots = new Semaphore(properties.workers());
        pool = Executors.newFixedThreadPool(properties.workers(), threads("enrolment-job-"));
        scheduler = Executors.newSingleThreadScheduledExecutor(threads("enrolment-dispatch-"));
        long poll = properties.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::dispatchQuietly, 0, poll, TimeUnit.MILLISECONDS);
        long renew = Math.max(1, properties.lease().toMillis() / 3);
        scheduler.scheduleWithFixedDelay(this::renewLeases, renew, renew, TimeUnit.MILLISECONDS);
    }

    /** A job was queued here: look now rather than at the next poll. */
    @EventListener
    void onQueued(EnrolmentJobQueued queued) {
        ScheduledExecutorService dispatcher = scheduler;
        if (dispatcher != null && !stopping.get()) {
            dispatcher.execute(this::dispatchQuietly);
        }
    }

    private void dispatchQuietly() {
        try {
            failExhausted();
            dispatch();
            sweepOrphans();
        } catch (RuntimeException e) {
            if (!stopping.get()) {
                log.warn("enrolment worker: dispatch failed, next try in {}: {}", properties.pollInterval(),
                        LogRedaction.redact(e.getMessage()));
            }
        }
    }

    private void dispatch() {
        while (!stopping.get() && slots.tryAcquire()) {
            Instant now = clock.instant();
            Optional<EnrolmentJob> claimed = jobs.claimNext(id, now, now.plus(properties.lease()),
                    properties.maxAttempts());
            if (claimed.isEmpty()) {
                slots.release();
                return;
            }
            EnrolmentJob job = claimed.get();
            Claim claim = new Claim(job.id(), new AtomicBoolean());
            running.add(claim);
            pool.execute(() -> work(job, claim));
        }
    }

    private void work(EnrolmentJob job, Claim claim) {
        AtomicBoolean stop = claim.stop();
        try {
            if (job.checkpointRow() > 0) {
                log.info("enrolment job {}: resuming after row {}", job.id(), job.checkpointRow());
            }
            RosterImport.Outcome outcome = rosterImport.run(job, id, enrolment,
                    () -> stop.get() || stopping.get());
            log.info("enrolment job {}: {}", job.id(), outcome);
            if (outcome == RosterImport.Outcome.STOPPED) {
                jobs.release(job.id(), id, clock.instant());
            }
        } catch (RuntimeException failure) {
            log.warn("enrolment job {}: run failed, retrying from its checkpoint in {}", job.id(),
                    properties.retryAfter(), LogRedaction.redact(failure));
            try {
                jobs.release(job.id(), id, clock.instant().plus(properties.retryAfter()));
            } catch (RuntimeException releaseFailed) {
                log.debug("enrolment job {}: not released; its lease will lapse", job.id());
            }
        } finally {
            running.remove(claim);
            slots.release();
            ScheduledExecutorService dispatcher = scheduler;
            if (dispatcher != null && !stopping.get()) {
                dispatcher.execute(this::dispatchQuietly);
            }
        }
    }

    /** Jobs whose lease lapsed once too often are failed, and their stored rosters removed. */
    private void failExhausted() {
        for (String jobId : jobs.exhausted(clock.instant(), properties.maxAttempts())) {
            if (jobs.fail(jobId, null, FailureCode.INTERRUPTED_REPEATEDLY, clock.instant())) {
                files.delete(jobId);
                log.warn("enrolment job {}: failed after {} starts", jobId, properties.maxAttempts());
            }
        }
    }

    /**
     * Stored rosters of jobs that ended while their removal failed, or of uploads that never became a job (the
     * instance died between storing the file and the job): older than a sweep period, so an upload in progress is
     * left alone.
     */
    private void sweepOrphans() {
        Instant now = clock.instant();
        if (now.isBefore(nextOrphanSweep)) {
            return;
        }
        nextOrphanSweep = now.plus(ORPHAN_SWEEP);
        for (String jobId : files.storedBefore(now.minus(ORPHAN_SWEEP))) {
            if (jobs.statusOf(jobId).map(JobStatus::finished).orElse(true)) {
                files.delete(jobId);
            }
        }
    }

    private void renewLeases() {
        Instant until = clock.instant().plus(properties.lease());
        running.forEach(claim -> {
            try {
                if (!jobs.extendLease(claim.jobId(), id, until)) {
                    claim.stop().set(true);
                }
            } catch (RuntimeException e) {
                log.debug("enrolment job {}: lease not renewed this time", claim.jobId());
            }
        });
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        stopping.set(true);
        scheduler.shutdownNow();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(15, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        scheduler = null;
        pool = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** Stops first (a higher phase stops earlier): before the outbox relay, Kafka and the Mongo client. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 50;
    }

    /** One run of a job on this instance; identity, not the job id, tells two runs of one job apart. */
    private static final class Claim {
        private final String jobId;
        private final AtomicBoolean stop;

        Claim(String jobId, AtomicBoolean stop) {
            this.jobId = jobId;
            this.stop = stop;
        }

        String jobId() {
            return jobId;
        }

        AtomicBoolean stop() {
            return stop;
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
