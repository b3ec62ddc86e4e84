package cn.smartunion.membership.enrolment.domain;

import cn.smartunion.contracts.membership.JoinChannel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnrolmentJobTest {

    private static final Instant NOW = Instant.parse("2026-05-01T02:00:00Z");
    private static final String SHA = "a".repeat(64);

    private final RosterFile file = new RosterFile("骑手名册-420322199001011234.csv", RosterFile.Format.CSV, "UTF-8",
            1234, SHA, 200, List.of(new RosterFile.Column("name", "姓名", 0)), List.of("备注"));

    @Test
    void aQueuedJobHasNoProgressAndIsKeyedByOrgAndContent() {
        EnrolmentJob job = queue(JoinChannel.COLLECTIVE_REGISTRATION, null);

        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.counts()).isEqualTo(JobCounts.ZERO);
        assertThat(job.progressPercent()).isZero();
        assertThat(job.rosterKey()).isEqualTo("org-1:" + SHA);
    }

    @Test
    void aFileNameNeverCarriesAnIdNumber() {
        assertThat(file.name()).isEqualTo("骑手名册-******************.csv");
        assertThat(RosterFile.safeName("C:\\Users\\clerk\\名册.xlsx")).isEqualTo("名册.xlsx");
    }

    @Test
    void progressAddsUpAndCompletionAnnouncesTheTotalsOnce() {
        EnrolmentJob running = restoreRunning(queue(JoinChannel.CONCENTRATED_CAMPAIGN, "2026-spring"));

        EnrolmentJob halfway = running.progressed(new JobCounts(100, 90, 5, 5), 101);
        assertThat(halfway.progressPercent()).isEqualTo(50);
        assertThat(halfway.checkpointRow()).isEqualTo(101);
        EnrolmentJob done = halfway.progressed(new JobCounts(100, 97, 1, 2), 201);
        assertThat(done.progressPercent()).isEqualTo(99);

        EnrolmentJob.Completed completed = done.complete(NOW);

        assertThat(completed.job().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(completed.job().progressPercent()).isEqualTo(100);
        var event = completed.event();
        assertThat(event.batchId()).isEqualTo("job-1");
        assertThat(event.orgPath()).isEqualTo("420000/420300/420322");
        assertThat(event.joinChannel()).isEqualTo(JoinChannel.CONCENTRATED_CAMPAIGN);
        assertThat(event.campaignId()).isEqualTo("2026-spring");
        assertThat(event.rows()).isEqualTo(200);
        assertThat(event.activated()).isEqualTo(187);
        assertThat(event.alreadyMembers()).isEqualTo(6);
        assertThat(event.rejected()).isEqualTo(7);
        assertThat(event.completedAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> completed.job().complete(NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRosterImportIsACollectiveChannelAndACampaignIsNamed() {
        assertThatThrownBy(() -> queue(JoinChannel.QR_CODE, null))
                .isInstanceOf(EnrolmentRuleViolation.class)
                .satisfies(e -> assertThat(((EnrolmentRuleViolation) e).field()).isEqualTo("joinChannel"));
        assertThatThrownBy(() -> queue(JoinChannel.CONCENTRATED_CAMPAIGN, " "))
                .isInstanceOf(EnrolmentRuleViolation.class)
                .satisfies(e -> assertThat(((EnrolmentRuleViolation) e).field()).isEqualTo("campaignId"));
        assertThatThrownBy(() -> queue(JoinChannel.COLLECTIVE_REGISTRATION, "春季 行动"))
                .isInstanceOf(EnrolmentRuleViolation.class);
    }

    @Test
    void countsMustAddUp() {
        assertThatThrownBy(() -> new JobCounts(10, 5, 5, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(JobCounts.ZERO.plusActivated().plusAlreadyMember().plusRejected())
                .isEqualTo(new JobCounts(3, 1, 1, 1));
    }

    @Test
    void theCataloguesKnowCodesLabelsAndAliases() {
        Catalogue tags = GroupTags.DEFAULT.with(java.util.Map.of("NOODLE_SHOP_WORKER", List.of("拉面师傅"),
                "FOUR_KEY_GROUPS", List.of("四大重点群体")));
        assertThat(tags.resolve("快递员")).contains("COURIER");
        assertThat(tags.resolve(" courier ")).contains("COURIER");
        assertThat(tags.resolve("外卖骑手")).contains("FOOD_DELIVERY_RIDER");
        assertThat(tags.resolve("拉面师傅")).contains("NOODLE_SHOP_WORKER");
        assertThat(tags.resolve("四大重点群体")).contains("FOUR_KEY_GROUPS");
        assertThat(tags.resolve("星际旅行者")).isEmpty();
        assertThat(EmploymentForms.DEFAULT.resolve("众包")).contains("PLATFORM_FLEXIBLE");
    }

    private EnrolmentJob queue(JoinChannel channel, String campaignId) {
        return EnrolmentJob.queue("job-1", "org-1", "420000/420300/420322", channel, campaignId, file, "staff-1",
                NOW);
    }

    private static EnrolmentJob restoreRunning(EnrolmentJob job) {
        return EnrolmentJob.restore(job.id(), job.orgId(), job.orgPath(), job.joinChannel(), job.campaignId(),
                job.file(), job.requestedBy(), job.requestedAt(), JobStatus.RUNNING, JobCounts.ZERO, 1, NOW, null,
                null);
    }
}
