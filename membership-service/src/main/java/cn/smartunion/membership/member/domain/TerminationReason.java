package cn.smartunion.membership.member.domain;

/** Why membership ended (退会, 死亡, 除名), as stable codes for analysts. */
public enum TerminationReason {
    /** 自愿退会. */
    VOLUNTARY_EXIT,
    DECEASED,
    /** 除名/开除会籍 after the union's procedure. */
    EXPELLED,
    /** Retained membership lapsed (e.g. no longer eligible after leaving the workforce). */
    RETENTION_LAPSED,
    /** Left the country or the province's jurisdiction without a transfer. */
    EMIGRATED,
    OTHER
}
