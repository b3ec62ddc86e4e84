package cn.smartunion.contracts.competition;

/** Who enters a competition: a worker, a team (班组), a unit (labour competitions) or a project (innovation contests). */
public enum EntrantType {
    INDIVIDUAL, TEAM, UNIT, PROJECT
}
