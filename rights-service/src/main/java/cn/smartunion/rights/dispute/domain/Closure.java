package cn.smartunion.rights.dispute.domain;

import cn.smartunion.contracts.rights.ClosureType;

import java.time.LocalDate;

/** The latest closure of a case and its follow-up (回访), if done. */
public record Closure(ClosureType closureType, long amountRecoveredFen, int workersBenefited, LocalDate closedOn,
                      LocalDate followUpDueOn, Boolean reComplained, LocalDate followedUpOn) {

    public boolean followedUp() {
        return followedUpOn != null;
    }

    Closure withFollowUp(boolean reComplained, LocalDate on) {
        return new Closure(closureType, amountRecoveredFen, workersBenefited, closedOn, followUpDueOn, reComplained, on);
    }
}
