package cn.smartunion.contracts.competition;

/** The outcome of a studio's periodic review; {@code REVOKED} closes the studio. */
public enum StudioRating {
    EXCELLENT, PASS, RECTIFY, REVOKED
}
