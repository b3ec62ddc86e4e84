package cn.smartunion.contracts.aid;

/** How a hardship household came to the union's attention (困难职工发现渠道). Carried by {@code HardshipCaseFiled}. */
public enum IdentificationChannel {
    /** 走访排查: found by union staff visiting workplaces and homes. */
    VISIT,
    /** 转介: referred by an employer, a grassroots union, another service or a government body. */
    REFERRAL,
    /** 本人申请: the worker or the household applied. */
    SELF_APPLICATION,
    /** Through the 12351 hotline. */
    HOTLINE_12351
}
