package cn.smartunion.aid.aidapplication.adapter.in.scheduling;

import cn.smartunion.aid.aidapplication.application.ApplicationReview;
import cn.smartunion.runtime.scheduling.PeriodicTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** Finishes application approvals a crash interrupted (see {@link ApplicationReview}). */
@Component
class StuckApprovalSweeper extends PeriodicTask {

    /** Far longer than an approval takes, so one still running is never taken for a crashed one. */
    private static final Duration GRACE = Duration.ofMinutes(1);

    private final ApplicationReview review;
    private final Duration interval;

    StuckApprovalSweeper(ApplicationReview review,
                         @Value("${smartunion.aid.disbursement-sweep-interval:1m}") Duration interval) {
        super("aid-application-approval-sweeper");
        this.review = review;
        this.interval = interval;
    }

    @Override
    protected void runOnce() {
        review.finishStuckApprovals(GRACE);
    }

    @Override
    protected Duration interval() {
        return interval;
    }
}
