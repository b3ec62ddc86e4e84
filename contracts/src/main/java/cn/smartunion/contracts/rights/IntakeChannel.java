package cn.smartunion.contracts.rights;

/** How a work order reached the rights-protection centre. Carried by {@code WorkOrderCreated}. */
public enum IntakeChannel {
    /** 12351 热线电话. */
    PHONE,
    /** The union mobile app. */
    APP,
    /** The web portal. */
    WEB,
    /** 来访. */
    WALK_IN
}
