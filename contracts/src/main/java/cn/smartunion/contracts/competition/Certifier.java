package cn.smartunion.contracts.competition;

/** Who certified a skill level: the enterprise (自主评价), 人社, a social institution, or a competition result. */
public enum Certifier {
    ENTERPRISE_SELF_ASSESSMENT, HR_DEPARTMENT, SOCIAL_INSTITUTION, COMPETITION_RESULT
}
