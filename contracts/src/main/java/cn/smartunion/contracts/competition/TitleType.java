package cn.smartunion.contracts.competition;

/**
 * Titles conferred from competition results or by a union: 技术状元, 技术能手, 技术标兵, 工人技术明星, 服务明星, 优秀选手,
 * 好师傅, 首席员工.
 */
public enum TitleType {
    TECH_CHAMPION, TECH_EXPERT, TECH_PACESETTER, WORKER_TECH_STAR, SERVICE_STAR, EXCELLENT_CONTESTANT, GOOD_MENTOR,
    CHIEF_WORKER
}
