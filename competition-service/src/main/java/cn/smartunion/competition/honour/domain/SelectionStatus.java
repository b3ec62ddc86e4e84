package cn.smartunion.competition.honour.domain;

/** A selection round takes nominations until its honours are conferred (at the conference); then it is closed. */
public enum SelectionStatus {
    OPEN, CONFERRED
}
