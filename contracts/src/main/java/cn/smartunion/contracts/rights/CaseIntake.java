package cn.smartunion.contracts.rights;

/** How a dispute case came to the union. Carried by {@code DisputeCaseOpened}. */
public enum CaseIntake {
    /** 12351 热线. */
    HOTLINE_12351,
    APP,
    /** 来访. */
    WALK_IN,
    /** 法院委派 / 诉调对接. */
    COURT_REFERRAL,
    /** 仲裁委托 / 裁调对接. */
    ARBITRATION_REFERRAL,
    /** 社会治理中心. */
    GOVERNANCE_CENTRE,
    OTHER
}
