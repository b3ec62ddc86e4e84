package cn.smartunion.membership.enrolment.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code smartunion.enrolment.*}: limits of roster uploads and how import jobs are worked.
 *
 * @param maxFileSize     largest roster accepted (413 above); also set the multipart limits to it
 * @param maxRows         data rows a roster may have (400 above)
 * @param maxColumns      cells a row may have
 * @param maxCellLength   characters a cell may have
 * @param checkpointEvery rows between two progress writes: what a poller sees move, and at most what a resumed job
 *                        reads again
 * @param rowConcurrency  rows of one job in the member register's hands at once (validation stays in file order);
 *                        what hides the database round trip of each activation
 * @param workers         jobs run at once per instance (each on its own thread; the rest wait QUEUED)
 * @param pollInterval    how often an idle instance looks for queued or abandoned jobs
 * @param lease           how long a job stays with a worker that stops reporting; after it another instance
 *                        resumes the job from its checkpoint
 * @param leaseCheckInterval how often a working worker confirms it still holds its job (between checkpoints);
 *                        a worker that lost its job stops within about this time
 * @param retryAfter      pause before a job whose worker failed is tried again
 * @param maxAttempts     starts of one job before it is failed for good
 * @param groupTags       the province's own group tags, or more names for the built-in ones: code -> names, the
 *                        first name of a new code being its Chinese label
 */
@ConfigurationProperties("smartunion.enrolment")
public record EnrolmentProperties(
        @DefaultValue("32MB") DataSize maxFileSize,
        @DefaultValue("100000") int maxRows,
        @DefaultValue("100") int maxColumns,
        @DefaultValue("1000") int maxCellLength,
        @DefaultValue("500") int checkpointEvery,
        @DefaultValue("4") int rowConcurrency,
        @DefaultValue("2") int workers,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("1s") Duration leaseCheckInterval,
        @DefaultValue("10s") Duration retryAfter,
        @DefaultValue("3") int maxAttempts,
        Map<String, List<String>> groupTags) {

    public EnrolmentProperties {
        if (maxRows <= 0 || maxColumns <= 0 || maxCellLength <= 0 || checkpointEvery <= 0 || rowConcurrency <= 0
                || workers <= 0
                || maxAttempts <= 0) {
            throw new IllegalArgumentException("smartunion.enrolment limits and counts must be positive");
        }
        groupTags = groupTags == null ? Map.of() : Map.copyOf(groupTags);
    }
}
