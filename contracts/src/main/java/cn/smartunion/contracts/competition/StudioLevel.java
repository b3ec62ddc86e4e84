package cn.smartunion.contracts.competition;

/** The level an innovation studio (劳模/工匠/职工创新工作室) is recognised at. */
public enum StudioLevel {
    NATIONAL, PROVINCIAL, CITY, COUNTY, ENTERPRISE
}
