package cn.smartunion.contracts.competition;

/** What kind of organisation co-organises a competition (人社, industry departments, enterprises, schools …). */
public enum CoOrganiserKind {
    HR_DEPARTMENT, INDUSTRY_DEPARTMENT, ENTERPRISE, SCHOOL, OTHER_UNION, OTHER
}
