package cn.smartunion.contracts.competition;

/**
 * Kind of competition: labour (劳动竞赛), skills (职业技能竞赛), innovation and entrepreneurship (创新创业大赛), the
 * "five smalls" (五小), safety (安康杯), teaching contests, other.
 */
public enum CompetitionType {
    LABOUR, SKILLS, INNOVATION_ENTREPRENEURSHIP, FIVE_SMALLS, SAFETY, TEACHING, OTHER
}
