package cn.smartunion.membership.enrolment.application;

import cn.smartunion.membership.enrolment.application.roster.RosterReader;
import cn.smartunion.membership.enrolment.domain.EnrolmentJob;
import cn.smartunion.membership.enrolment.domain.EnrolmentJobs;
import cn.smartunion.membership.enrolment.domain.RosterFile;
import cn.smartunion.membership.org.application.OrgQueries;
import cn.smartunion.membership.org.domain.OrgUnit;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Accepting a roster for collective enrolment: union staff upload a roster for an org in their subtree; it is
 * checked as a whole (format, header, size, row count), stored encrypted, and queued for a worker. The same roster
 * uploaded again for the same org is the same job.
 */
@Service
public class EnrolmentJobSubmission {

    static final String STAFF_ROLE = "union-staff";
    static final String ADMIN_ROLE = "union-admin";

    private final EnrolmentJobs jobs;
    private final RosterFiles files;
    private final OrgQueries orgs;
    private final EnrolmentProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public EnrolmentJobSubmission(EnrolmentJobs jobs, RosterFiles files, OrgQueries orgs,
                                  EnrolmentProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.jobs = jobs;
        this.files = files;
        this.orgs = orgs;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    public Submission submit(SubmitEnrolmentJob command, OrgPrincipal caller) {
        OrgUnit org = orgs.get(command.orgId(), caller);
        requireStaff(caller);
        RosterUpload upload = command.roster();
        long limit = properties.maxFileSize().toBytes();
        if (upload.size() > limit) {
            throw new RosterTooLarge(limit);
        }
        RosterReader.Inspection inspection = inspect(upload);
        String key = EnrolmentJob.rosterKey(org.id(), inspection.sha256());
        Optional<EnrolmentJob> existing = jobs.findByRosterKey(key);
        if (existing.isPresent()) {
            return new Submission(existing.get(), false);
        }
        EnrolmentJob job = EnrolmentJob.queue(UUID.randomUUID().toString(), org.id(), org.path().value(),
                command.joinChannel(), command.campaignId(), rosterFile(upload, inspection), caller.subject(),
                clock.instant());
        try {
            try (var content = upload.open()) {
                files.store(job.id(), content);
            }
            jobs.add(job);
        } catch (EnrolmentJobs.DuplicateRoster concurrentUpload) {
            files.delete(job.id());
            return jobs.findByRosterKey(key).map(j -> new Submission(j, false)).orElseThrow(() -> concurrentUpload);
        } catch (IOException e) {
            files.delete(job.id());
            throw new UncheckedIOException(e);
        }
        events.publishEvent(new EnrolmentJobQueued(job.id()));
        return new Submission(job, true);
    }

    private RosterReader.Inspection inspect(RosterUpload upload) {
        try {
            return RosterReader.inspect(upload::open, limits(properties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RosterFile rosterFile(RosterUpload upload, RosterReader.Inspection inspection) {
        return new RosterFile(upload.fileName(), inspection.format(),
                inspection.charset() == null ? null : inspection.charset().name(), inspection.sizeBytes(),
                inspection.sha256(), inspection.dataRows(),
                inspection.header().columns().stream()
                        .map(c -> new RosterFile.Column(c.field().fieldName(), c.header(), c.index())).toList(),
                inspection.header().ignored());
    }

    static RosterReader.Limits limits(EnrolmentProperties properties) {
        return new RosterReader.Limits(properties.maxRows(), properties.maxColumns(), properties.maxCellLength());
    }

    static void requireStaff(OrgPrincipal caller) {
        if (!caller.hasRole(STAFF_ROLE) && !caller.hasRole(ADMIN_ROLE)) {
            throw new AccessDeniedException("roster imports need the " + STAFF_ROLE + " or " + ADMIN_ROLE + " role");
        }
    }

    /**
     * The job made for the roster, or the one that already existed for it ({@code created} false).
     */
    public record Submission(EnrolmentJob job, boolean created) {
    }
}
