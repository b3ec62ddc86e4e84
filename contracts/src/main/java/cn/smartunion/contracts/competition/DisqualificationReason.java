package cn.smartunion.contracts.competition;

/** Why an organiser disqualified an entry. */
public enum DisqualificationReason {
    FALSIFIED_ELIGIBILITY, MISCONDUCT, ABSENT, OTHER
}
