package cn.smartunion.aid.campaign.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DistributionJobTest {

    private static DistributionJob job(DistributionJob.Status status, int total, int processed) {
        return new DistributionJob("j", "c", "o", "420000", status, total, processed, processed, 0, List.of(), "s",
                Instant.EPOCH, null);
    }

    @Test
    void progress_is_the_share_of_rows_processed_and_100_when_completed() {
        assertThat(job(DistributionJob.Status.QUEUED, 200, 0).progressPercent()).isZero();
        assertThat(job(DistributionJob.Status.RUNNING, 200, 50).progressPercent()).isEqualTo(25);
        assertThat(job(DistributionJob.Status.COMPLETED, 0, 0).progressPercent()).isEqualTo(100);
    }
}
