package cn.smartunion.competition.innovation.domain;

/** A studio is active until a review revokes it. */
public enum StudioStatus {
    ACTIVE, CLOSED
}
