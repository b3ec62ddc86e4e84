package cn.smartunion.rights.dispute.domain;

/** Where a dispute case stands. */
public enum DisputeStatus {
    /** 立案, or opened again. */
    OPEN,
    /** at least one mediation session held, no result yet. */
    IN_MEDIATION,
    /** a mediation agreement was reached; waiting for performance and closure. */
    MEDIATION_AGREED,
    /** mediation failed; the case may be referred or closed. */
    MEDIATION_FAILED,
    /** referred to arbitration, a court, the procuratorate or another union. */
    REFERRED,
    /** 结案. */
    CLOSED
}
