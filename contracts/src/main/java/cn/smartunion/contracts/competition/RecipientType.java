package cn.smartunion.contracts.competition;

/** Who receives a title or honour: a worker, a team (班组, e.g. 工人先锋号) or a unit (e.g. 五一劳动奖状). */
public enum RecipientType {
    INDIVIDUAL, TEAM, UNIT
}
