package cn.smartunion.aid.campaign.adapter.in.web;

import cn.smartunion.aid.campaign.application.DistributionLists;
import cn.smartunion.aid.campaign.domain.DistributionJob;
import cn.smartunion.aid.web.AidRuleViolation;
import cn.smartunion.runtime.scope.OrgPrincipal;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Distribution lists (发放名单, CSV in UTF-8 or GBK) uploaded for a campaign and recorded in the background; the job
 * is polled for progress and the rows it rejected (row number, reason code, column: never the row's data).
 */
@RestController
@Validated
@RequestMapping("/api/aid/v1")
class DistributionJobController {

    private final DistributionLists lists;

    DistributionJobController(DistributionLists lists) {
        this.lists = lists;
    }

    @PostMapping(path = "/campaigns/{id}/distribution-jobs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<JobView> upload(@PathVariable @Size(max = 64) String id,
                                   @RequestPart(name = "file", required = false) MultipartFile file,
                                   @AuthenticationPrincipal OrgPrincipal caller) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new AidRuleViolation("file", "a CSV file is required");
        }
        if (file.getSize() > DistributionLists.MAX_BYTES) {
            throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, "a list is at most "
                    + DistributionLists.MAX_BYTES / 1024 / 1024 + " MB");
        }
        DistributionJob job = lists.submit(id, file.getBytes(), caller);
        return ResponseEntity.accepted().location(URI.create("/api/aid/v1/distribution-jobs/" + job.id()))
                .body(JobView.of(job));
    }

    @GetMapping("/distribution-jobs/{jobId}")
    JobView get(@PathVariable @Size(max = 64) String jobId, @AuthenticationPrincipal OrgPrincipal caller) {
        return JobView.of(lists.get(jobId, caller));
    }

    record JobView(String id, String campaignId, String orgId, String orgPath, DistributionJob.Status status,
                   int progressPercent, int rowsTotal, int rowsProcessed, int accepted, int rejected,
                   List<DistributionJob.RowRejection> rejections, Instant createdAt, Instant finishedAt) {

        static JobView of(DistributionJob j) {
            return new JobView(j.id(), j.campaignId(), j.orgId(), j.orgPath(), j.status(), j.progressPercent(),
                    j.rowsTotal(), j.rowsProcessed(), j.accepted(), j.rejected(), j.rejections(), j.createdAt(),
                    j.finishedAt());
        }
    }
}
