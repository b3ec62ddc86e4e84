package cn.smartunion.competition.competition.domain;

/**
 * Where a competition stands. Whether registration is open is not a status: it is PUBLISHED and now within the
 * registration window.
 */
public enum CompetitionStatus {
    DRAFT, PUBLISHED, CLOSED, CANCELLED
}
