package cn.smartunion.contracts.competition;

/** The chief judge's decision on an appeal against provisional results. */
public enum AppealOutcome {
    UPHELD, REJECTED
}
