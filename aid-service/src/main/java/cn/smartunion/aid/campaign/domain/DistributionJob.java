package cn.smartunion.aid.campaign.domain;

import java.time.Instant;
import java.util.List;

/**
 * A distribution list (发放名单) uploaded for a campaign, recorded row by row in the background. Rejected rows are
 * kept with their row number, a reason code and the column, never the row's personal data.
 */
public record DistributionJob(String id, String campaignId, String orgId, String orgPath, Status status,
                              int rowsTotal, int rowsProcessed, int accepted, int rejected,
                              List<RowRejection> rejections, String createdBy, Instant createdAt,
                              Instant finishedAt) {

    public enum Status {
        QUEUED,
        RUNNING,
        COMPLETED,
        FAILED
    }

    /**
     * @param row   the row number as a spreadsheet shows it (the header is row 1)
     * @param code  why, e.g. {@code NOT_ELIGIBLE}, {@code INVALID_ID_NUMBER}, {@code BUDGET_EXHAUSTED}
     * @param field the column, e.g. {@code 身份证号}; null when the row as a whole is refused
     */
    public record RowRejection(int row, String code, String field) {
    }

    public DistributionJob {
        rejections = rejections == null ? List.of() : List.copyOf(rejections);
    }

    public int progressPercent() {
        if (status == Status.COMPLETED || rowsTotal == 0) {
            return status == Status.COMPLETED ? 100 : 0;
        }
        return (int) Math.min(100, rowsProcessed * 100L / rowsTotal);
    }
}
