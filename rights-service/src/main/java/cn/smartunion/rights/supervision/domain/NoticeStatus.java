package cn.smartunion.rights.supervision.domain;

/** Where a supervision notice stands: issued to the employer, then answered by it. */
public enum NoticeStatus {
    ISSUED,
    RESPONDED
}
