package cn.smartunion.contracts.competition;

/** The vocational skill levels (职业技能等级): 五级/初级工 up to 一级/高级技师, and 特级技师. */
public enum SkillLevel {
    JUNIOR, INTERMEDIATE, SENIOR, TECHNICIAN, SENIOR_TECHNICIAN, PRINCIPAL_TECHNICIAN
}
