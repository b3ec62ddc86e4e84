package cn.smartunion.membership.enrolment.application;

import cn.smartunion.membership.enrolment.application.roster.RawRow;
import cn.smartunion.membership.enrolment.application.roster.RosterFileProblem;
import cn.smartunion.membership.enrolment.application.roster.RosterReader;
import cn.smartunion.membership.enrolment.domain.Catalogue;
import cn.smartunion.membership.enrolment.domain.EmploymentForms;
import cn.smartunion.membership.enrolment.domain.EnrolmentJob;
import cn.smartunion.membership.enrolment.domain.EnrolmentJobs;
import cn.smartunion.membership.enrolment.domain.FailureCode;
import cn.smartunion.membership.enrolment.domain.GroupTags;
import cn.smartunion.membership.member.domain.GroupTagCatalogue;
import cn.smartunion.membership.enrolment.domain.JobCounts;
import cn.smartunion.membership.enrolment.domain.Rejection;
import cn.smartunion.membership.enrolment.domain.RosterFile;
import cn.smartunion.membership.org.domain.OrgUnits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Working one claimed job: streams its roster from the stored file, validates each row in file order, asks the
 * member register to enrol the valid ones ({@code row-concurrency} at a time, to overlap database round trips), and
 * every {@code checkpointEvery} rows stores the rejected rows and then, in one conditional write, the counts and
 * the checkpoint: the last row before which every row is finished. A job resumed after its worker died
 * starts after the checkpoint; the rows before it are only re-read to recognise duplicates. The last write
 * completes the job and puts its {@code CollectiveEnrolmentCompleted} in the job's outbox, once.
 */
@Service
public class RosterImport {

    private static final Logger log = LoggerFactory.getLogger(RosterImport.class);

    private final EnrolmentJobs jobs;
    private final RosterFiles files;
    private final OrgUnits orgs;
    private final EnrolmentProperties properties;
    private final Catalogue groupTags;
    private final int concurrency;
    private final Clock clock;

    public RosterImport(EnrolmentJobs jobs, RosterFiles files, OrgUnits orgs, EnrolmentProperties properties,
                        GroupTagCatalogue memberGroupTags, Clock clock) {
        this.jobs = jobs;
        this.files = files;
        this.orgs = orgs;
        this.properties = properties;
        this.groupTags = GroupTags.rosterNames(memberGroupTags.tags().stream()
                .map(tag -> Catalogue.Entry.of(tag.code(), tag.label())).toList()).with(properties.groupTags());
        this.concurrency = properties.rowConcurrency();
        this.clock = clock;
    }

    /**
     * Runs a job this worker has claimed until it completes, fails for good, is stopped, or the worker finds it
     * lost the job. An exception (the register or the database failing) leaves the job at its last checkpoint.
     *
     * @param stop asked before every row; true ends the run after storing the progress made
     */
    public Outcome run(EnrolmentJob job, String worker, RosterEnrolment enrolment, BooleanSupplier stop) {
        Run run = new Run(job, worker, enrolment);
        try (InputStream in = files.open(job.id());
             RosterReader.DataRows rows = RosterReader.open(in, job.file().format(), charset(job.file()),
                     EnrolmentJobSubmission.limits(properties))) {
            return run.through(rows, stop);
        } catch (RosterFiles.MissingRoster missing) {
            log.warn("enrolment job {}: its stored roster is missing or cannot be decrypted", job.id());
            return failed(job, worker, FailureCode.FILE_MISSING);
        } catch (RosterFileProblem unreadable) {
            log.warn("enrolment job {}: roster unreadable at or after row {}: {}", job.id(), run.lastRow,
                    unreadable.kind());
            return failed(job, worker, FailureCode.FILE_UNREADABLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Outcome failed(EnrolmentJob job, String worker, FailureCode failure) {
        if (jobs.fail(job.id(), worker, failure, clock.instant())) {
            files.delete(job.id());
            return Outcome.FAILED;
        }
        return Outcome.LOST;
    }

    private static Charset charset(RosterFile file) {
        return file.encoding() == null ? null : Charset.forName(file.encoding());
    }

    private static ThreadFactory rowThreads(String jobId) {
        AtomicInteger count = new AtomicInteger();
        String prefix = "enrolment-row-" + jobId.substring(0, Math.min(8, jobId.length())) + "-";
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A row read and validated, its outcome either known (a rejection) or coming from the register. */
    private record Pending(int row, Future<RowOutcome> outcome, Rejection rejection) {
    }

    /** How a run ended. */
    public enum Outcome {
        COMPLETED,
        FAILED,
        /** Stopped on request, progress stored; the job goes on elsewhere or later. */
        STOPPED,
        /** Another worker holds the job now, or it was finished meanwhile: this run changed nothing more. */
        LOST
    }

    private final class Run {

        private final String worker;
        private final RosterEnrolment enrolment;
        private final EnrolmentContext context;
        private final List<Rejection> rejections = new ArrayList<>();
        private EnrolmentJob current;
        private JobCounts delta = JobCounts.ZERO;
        private int lastRow;
        private Instant confirmed;
        private final Deque<Pending> pending = new ArrayDeque<>();

        Run(EnrolmentJob job, String worker, RosterEnrolment enrolment) {
            this.current = job;
            this.worker = worker;
            this.enrolment = enrolment;
            this.lastRow = job.checkpointRow();
            this.confirmed = clock.instant();
            this.context = new EnrolmentContext(job.id(), job.orgId(), job.orgPath(), job.joinChannel(),
                    job.campaignId(), job.requestedBy(), job.requestedAt());
        }

        Outcome through(RosterReader.DataRows rows, BooleanSupplier stop) throws IOException {
            RowValidation validation = new RowValidation(rows.header(), groupTags, EmploymentForms.DEFAULT,
                    new OrgTargets(orgs, current.orgId(), current.orgPath()), clock);
            RawRow raw = rows.next();
            while (raw != null && raw.number() <= current.checkpointRow()) {
                validation.remember(raw);
                raw = rows.next();
            }
            ExecutorService register = Executors.newFixedThreadPool(concurrency, rowThreads(current.id()));
            try {
                for (; raw != null; raw = rows.next()) {
                    if (stop.getAsBoolean()) {
                        return settle(0) && flush() ? Outcome.STOPPED : Outcome.LOST;
                    }
                    submit(raw, validation, register);
                    if (!settle(concurrency * 4)) {
                        return Outcome.LOST;
                    }
                }
                if (!settle(0) || !flush()) {
                    return Outcome.LOST;
                }
            } catch (RuntimeException failure) {
                // keep what was done before the failure, then let the worker retry from there
                abandonPending();
                flushQuietly();
                throw failure;
            } finally {
                abandonPending();
                register.shutdown();
            }
            if (!jobs.complete(worker, current.checkpointRow(), current.complete(clock.instant()))) {
                return Outcome.LOST;
            }
            files.delete(current.id());
            return Outcome.COMPLETED;
        }

        /**
         * Validates the row here, in file order (so a duplicate is found whatever the timing, and two rows of one
         * person never reach the register at once), and hands a valid one to the register on one of
         * {@code concurrency} threads.
         */
        private void submit(RawRow raw, RowValidation validation, ExecutorService register) {
            RowValidation.Result result = validation.validate(raw);
            if (result instanceof RowValidation.Invalid invalid) {
                pending.add(new Pending(raw.number(), null, invalid.rejection()));
            } else {
                RosterRow row = ((RowValidation.Valid) result).row();
                pending.add(new Pending(raw.number(), register.submit(() -> enrolment.enrol(row, context)), null));
            }
        }

        /**
         * Counts the finished rows at the head of the queue, in row order, so a checkpoint never passes a row still
         * in the register's hands; waits for the head while more than {@code maxPending} rows are queued (0: all).
         *
         * @return false when the job turned out to be no longer ours
         */
        private boolean settle(int maxPending) {
            while (!pending.isEmpty()) {
                Pending head = pending.peek();
                boolean finished = head.outcome() == null || head.outcome().isDone();
                if (!finished && pending.size() <= maxPending) {
                    return true;
                }
                pending.poll();
                count(head);
                if (delta.processed() >= properties.checkpointEvery()) {
                    if (!flush()) {
                        return false;
                    }
                } else if (!stillHeld()) {
                    return false;
                }
            }
            return true;
        }

        private void count(Pending done) {
            if (done.rejection() != null) {
                reject(done.rejection());
            } else {
                RowOutcome outcome = outcomeOf(done);
                if (outcome instanceof RowOutcome.Activated) {
                    delta = delta.plusActivated();
                } else if (outcome instanceof RowOutcome.AlreadyMember) {
                    delta = delta.plusAlreadyMember();
                } else if (outcome instanceof RowOutcome.Rejected refused) {
                    reject(new Rejection(done.row(), refused.reasonCode(), refused.field(), null, null, null));
                } else {
                    throw new IllegalStateException("the member register answered nothing for row " + done.row());
                }
            }
            lastRow = done.row();
        }

        private static RowOutcome outcomeOf(Pending done) {
            try {
                return done.outcome().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while row " + done.row() + " was being enrolled", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new IllegalStateException("row " + done.row() + " could not be enrolled", e.getCause());
            }
        }

        /** Lets rows already handed to the register finish, uncounted: the next run reads them again. */
        private void abandonPending() {
            for (Pending p : pending) {
                if (p.outcome() != null) {
                    try {
                        p.outcome().get();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (ExecutionException ignored) {
                        // the next run meets it again
                    }
                }
            }
            pending.clear();
        }

        /**
         * Confirms at least every {@code lease-check-interval} that this worker still holds the job, so a worker
         * presumed dead (a long pause, a partition) stops within about that time once another took the job over,
         * instead of enrolling rows up to its next checkpoint. What it enrolled meanwhile is harmless: the register
         * answers the rows again as the same activations, or as already members.
         */
        private boolean stillHeld() {
            Instant now = clock.instant();
            if (now.isBefore(confirmed.plus(properties.leaseCheckInterval()))) {
                return true;
            }
            confirmed = now;
            return jobs.extendLease(current.id(), worker, now.plus(properties.lease()));
        }

        private void reject(Rejection rejection) {
            rejections.add(rejection);
            delta = delta.plusRejected();
        }

        /** Stores the rows handled since the last checkpoint. @return false when the job is no longer ours */
        private boolean flush() {
            if (delta.processed() == 0) {
                return jobs.extendLease(current.id(), worker, clock.instant().plus(properties.lease()));
            }
            if (!rejections.isEmpty()) {
                jobs.addRejections(current.id(), List.copyOf(rejections));
            }
            EnrolmentJob progressed = current.progressed(delta, lastRow);
            confirmed = clock.instant();
            if (!jobs.recordProgress(worker, current.checkpointRow(), delta, progressed,
                    confirmed.plus(properties.lease()))) {
                return false;
            }
            current = progressed;
            delta = JobCounts.ZERO;
            rejections.clear();
            return true;
        }

        private void flushQuietly() {
            try {
                flush();
            } catch (RuntimeException alsoFailing) {
                log.debug("enrolment job {}: progress not stored after a failure; resuming from row {}",
                        current.id(), current.checkpointRow());
            }
        }
    }
}
