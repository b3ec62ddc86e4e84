package cn.smartunion.membership.org.domain;

/**
 * The kinds of union organisation the domain names (DOMAIN.md §1.1). Geographic federations carry an
 * administrative division code; the others are placed under a geographic or industrial parent.
 */
public enum OrgType {
    NATIONAL_FEDERATION(true),
    PROVINCIAL_FEDERATION(true),
    CITY_FEDERATION(true),
    COUNTY_FEDERATION(true),
    DEVELOPMENT_ZONE_FEDERATION(false),
    TOWNSHIP_UNION(true),
    STREET_UNION(true),
    VILLAGE_UNION(false),
    COMMUNITY_UNION(false),
    GRASSROOTS_UNION(false),
    JOINT_UNION(false),
    REGIONAL_FEDERATION(false),
    INDUSTRY_FEDERATION(false),
    INDUSTRY_UNION(false),
    NEW_FORM_WORKER_UNION(false),
    PROJECT_UNION(false),
    SUB_BRANCH(false),
    UNION_GROUP(false);

    private final boolean geographic;

    OrgType(boolean geographic) {
        this.geographic = geographic;
    }

    /** Geographic units are identified by their administrative division code (行政区划代码). */
    public boolean isGeographic() {
        return geographic;
    }
}
