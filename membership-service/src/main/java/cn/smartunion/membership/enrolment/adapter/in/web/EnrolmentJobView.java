package cn.smartunion.membership.enrolment.adapter.in.web;

import cn.smartunion.contracts.membership.JoinChannel;
import cn.smartunion.membership.enrolment.domain.EnrolmentJob;
import cn.smartunion.membership.enrolment.domain.JobStatus;
import cn.smartunion.membership.enrolment.domain.RosterFile;

import java.time.Instant;
import java.util.List;

/** A job as clients poll it. */
record EnrolmentJobView(String id, String orgId, String orgPath, JoinChannel joinChannel, String campaignId,
                        JobStatus status, int progressPercent, int rowsTotal, int processed, int activated,
                        int alreadyMembers, int rejected, FileView file, Instant requestedAt, Instant startedAt,
                        Instant finishedAt, FailureView failure, Links links) {

    static final String BASE = "/api/membership/v1/enrolment-jobs";

    static EnrolmentJobView of(EnrolmentJob job, String failureMessage) {
        RosterFile f = job.file();
        var counts = job.counts();
        return new EnrolmentJobView(job.id(), job.orgId(), job.orgPath(), job.joinChannel(), job.campaignId(),
                job.status(), job.progressPercent(), f.dataRows(), counts.processed(), counts.activated(),
                counts.alreadyMembers(), counts.rejected(),
                new FileView(f.name(), f.format(), f.encoding(), f.sizeBytes(), f.sha256(),
                        f.columns().stream().map(c -> new ColumnView(c.field(), c.header())).toList(), f.ignored()),
                job.requestedAt(), job.startedAt(), job.finishedAt(),
                job.failure() == null ? null : new FailureView(job.failure().name(), failureMessage),
                new Links(location(job.id()), location(job.id()) + "/rejections",
                        location(job.id()) + "/rejections.csv"));
    }

    static String location(String id) {
        return BASE + "/" + id;
    }

    record FileView(String name, RosterFile.Format format, String encoding, long sizeBytes, String sha256,
                    List<ColumnView> columns, List<String> ignoredColumns) {
    }

    record ColumnView(String field, String header) {
    }

    record FailureView(String code, String message) {
    }

    record Links(String self, String rejections, String rejectionsCsv) {
    }
}
