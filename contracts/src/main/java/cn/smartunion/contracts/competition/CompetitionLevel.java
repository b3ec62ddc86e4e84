package cn.smartunion.contracts.competition;

/** Level of a competition or a title: national → provincial → city → county → industry → enterprise → project. */
public enum CompetitionLevel {
    NATIONAL, PROVINCIAL, CITY, COUNTY, INDUSTRY, ENTERPRISE, PROJECT
}
