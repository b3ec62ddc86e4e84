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
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Working one claimed job: streams its roster from the stored file, validates each row, asks the member register
 * to enrol the valid ones, and every {@code checkpointEvery} rows stores the rejected rows and then, in one
 * conditional write, the counts and the checkpoint (the last row handled). A job resumed after its worker died
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
    private final Clock clock;

    public RosterImport(EnrolmentJobs jobs, RosterFiles files, OrgUnits orgs, EnrolmentProperties properties,
                        Clock clock) {
        this.jobs = jobs;
        this.files = files;
        this.orgs = orgs;
        this.properties = properties;
        this.groupTags = GroupTags.DEFAULT.with(properties.groupTags());
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
            try {
                for (; raw != null; raw = rows.next()) {
                    if (stop.getAsBoolean()) {
                        return flush() ? Outcome.STOPPED : Outcome.LOST;
                    }
                    handle(raw, validation);
                    if (delta.processed() >= properties.checkpointEvery()) {
                        if (!flush()) {
                            return Outcome.LOST;
                        }
                    } else if (!stillHeld()) {
                        return Outcome.LOST;
                    }
                }
            } catch (RuntimeException failure) {
                // keep what was done before the failure, then let the worker retry from there
                flushQuietly();
                throw failure;
            }
            if (!flush()) {
                return Outcome.LOST;
            }
            if (!jobs.complete(worker, current.checkpointRow(), current.complete(clock.instant()))) {
                return Outcome.LOST;
            }
            files.delete(current.id());
            return Outcome.COMPLETED;
        }

        private void handle(RawRow raw, RowValidation validation) {
            RowValidation.Result result = validation.validate(raw);
            if (result instanceof RowValidation.Invalid invalid) {
                reject(invalid.rejection());
            } else {
                RosterRow row = ((RowValidation.Valid) result).row();
                RowOutcome outcome = enrolment.enrol(row, context);
                if (outcome instanceof RowOutcome.Activated) {
                    delta = delta.plusActivated();
                } else if (outcome instanceof RowOutcome.AlreadyMember) {
                    delta = delta.plusAlreadyMember();
                } else if (outcome instanceof RowOutcome.Rejected refused) {
                    reject(new Rejection(row.rowNumber(), refused.reasonCode(), refused.field(), null, null, null));
                } else {
                    throw new IllegalStateException("the member register answered nothing for row " + row.rowNumber());
                }
            }
            lastRow = raw.number();
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
