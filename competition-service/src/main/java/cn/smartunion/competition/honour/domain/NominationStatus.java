package cn.smartunion.competition.honour.domain;

/** Where a nomination stands: pending approval, then approved or rejected (or withdrawn while pending); conferred. */
public enum NominationStatus {
    PENDING, APPROVED, REJECTED, WITHDRAWN, CONFERRED
}
