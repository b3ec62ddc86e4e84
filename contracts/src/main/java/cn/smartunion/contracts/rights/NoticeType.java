package cn.smartunion.contracts.rights;

/** The kind of labour-law supervision notice (劳动法律监督) a union issued. Carried by {@code SupervisionNoticeIssued}. */
public enum NoticeType {
    /** 提示函. */
    REMINDER_LETTER,
    /** 意见书. */
    OPINION,
    /** 建议书. */
    RECOMMENDATION
}
