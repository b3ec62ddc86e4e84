package cn.smartunion.contracts.competition;

/**
 * Honours conferred after nomination and approval: 劳动模范, 先进工作者, 五一劳动奖章 (individuals), 五一劳动奖状 (units),
 * 工人先锋号 (teams), 五一巾帼奖, 工匠, 最美职工.
 */
public enum HonourType {
    MODEL_WORKER, ADVANCED_WORKER, MAY_DAY_MEDAL, MAY_DAY_CERTIFICATE, WORKERS_PIONEER, MAY_DAY_WOMEN_MEDAL, CRAFTSMAN,
    MOST_BEAUTIFUL_WORKER;

    /** 劳模: model workers and advanced workers (先进工作者 is the same honour for civil-service and public-sector staff). */
    public boolean isModelWorker() {
        return this == MODEL_WORKER || this == ADVANCED_WORKER;
    }

    public RecipientType recipientType() {
        return switch (this) {
            case MAY_DAY_CERTIFICATE -> RecipientType.UNIT;
            case WORKERS_PIONEER -> RecipientType.TEAM;
            default -> RecipientType.INDIVIDUAL;
        };
    }
}
