package cn.smartunion.contracts.competition;

/** The level of an honour: who confers it. */
public enum HonourLevel {
    NATIONAL, PROVINCIAL, CITY, COUNTY, INDUSTRY
}
