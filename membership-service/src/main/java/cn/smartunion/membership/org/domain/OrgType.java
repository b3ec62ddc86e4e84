package cn.smartunion.membership.org.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of union organisation the domain names (DOMAIN.md §1.1, §2.9), and which kind may sit under which.
 * Geographic federations carry an administrative division code; the others are placed under a geographic, sector or
 * industrial parent. Federations and joint unions cover firms and self-employed businesses ({@link #coversUnits()}).
 */
public enum OrgType {
    /** 中华全国总工会 */
    NATIONAL_FEDERATION(true, false),
    /** 省总工会 (also 自治区、兵团总工会) */
    PROVINCIAL_FEDERATION(true, false),
    /** 市(州、地)总工会 */
    CITY_FEDERATION(true, false),
    /** 县(市、区)总工会 */
    COUNTY_FEDERATION(true, false),
    /** 开发区(工业园区、功能区)工会 */
    DEVELOPMENT_ZONE_FEDERATION(false, true),
    /** 乡镇工会 (总工会 or 工会联合会) */
    TOWNSHIP_UNION(true, false),
    /** 街道工会 */
    STREET_UNION(true, false),
    /** 村工会 */
    VILLAGE_UNION(false, false),
    /** 社区工会 */
    COMMUNITY_UNION(false, false),
    /** 基层工会 of one employer (enterprise, 事业单位, 机关, 社会组织) */
    GRASSROOTS_UNION(false, false),
    /** 联合工会 (商圈联合工会, 蓝骑士联合工会) */
    JOINT_UNION(false, true),
    /** 联合基层工会: one grassroots union for several small employers */
    JOINT_GRASSROOTS_UNION(false, true),
    /** 区域性工会联合会 */
    REGIONAL_FEDERATION(false, true),
    /** 行业性工会联合会 */
    INDUSTRY_FEDERATION(false, true),
    /** 产业工会 (全国、省、市) */
    INDUSTRY_UNION(false, false),
    /** 新业态(新就业形态)工会(联合会) */
    NEW_FORM_WORKER_UNION(false, true),
    /** 品牌联盟工会联合会 */
    BRAND_ALLIANCE_FEDERATION(false, true),
    /** 市场工会 */
    MARKET_UNION(false, true),
    /** 项目工会: temporary, for a construction project; has an end date */
    PROJECT_UNION(false, true),
    /** 教育工会 (schools under it) */
    EDUCATION_UNION(false, false),
    /** 系统工会 (e.g. the ecological rangers' four-level system) */
    SYSTEM_UNION(false, false),
    /** 集团工会 of an enterprise group (分公司、子公司、项目工会 under it) */
    ENTERPRISE_GROUP_UNION(false, false),
    /** 工会分会 */
    SUB_BRANCH(false, false),
    /** 工会小组 */
    UNION_GROUP(false, false);

    private final boolean geographic;
    private final boolean coversUnits;

    OrgType(boolean geographic, boolean coversUnits) {
        this.geographic = geographic;
        this.coversUnits = coversUnits;
    }

    /** Geographic units are identified by their administrative division code (行政区划代码). */
    public boolean isGeographic() {
        return geographic;
    }

    /** Federations and joint unions record the firms and self-employed businesses they cover. */
    public boolean coversUnits() {
        return coversUnits;
    }

    /** True when a unit of kind {@code child} may be placed directly under a unit of this kind. */
    public boolean mayContain(OrgType child) {
        return Containment.parentsOf(child).contains(this);
    }

    /**
     * Who may sit under whom. Deliberately permissive where the seeds show variety (a county directly under a
     * province for 省直管县; towns directly under a city without districts; 小三级 defined differently per province),
     * strict where the tree would stop making sense (a province under a city, anything under a union group).
     */
    private static final class Containment {

        private static final Set<OrgType> UPPER_GEOGRAPHIC = EnumSet.of(PROVINCIAL_FEDERATION, CITY_FEDERATION,
                COUNTY_FEDERATION);
        private static final Set<OrgType> LOCAL = EnumSet.of(TOWNSHIP_UNION, STREET_UNION,
                DEVELOPMENT_ZONE_FEDERATION);
        private static final Set<OrgType> NEIGHBOURHOOD = EnumSet.of(VILLAGE_UNION, COMMUNITY_UNION);
        private static final Set<OrgType> FEDERATIONS = EnumSet.of(REGIONAL_FEDERATION, INDUSTRY_FEDERATION,
                NEW_FORM_WORKER_UNION, BRAND_ALLIANCE_FEDERATION);
        private static final Set<OrgType> SECTOR = EnumSet.of(INDUSTRY_UNION, EDUCATION_UNION, SYSTEM_UNION,
                ENTERPRISE_GROUP_UNION);
        private static final Set<OrgType> GRASSROOTS = EnumSet.of(GRASSROOTS_UNION, JOINT_GRASSROOTS_UNION,
                JOINT_UNION, MARKET_UNION, PROJECT_UNION);

        static Set<OrgType> parentsOf(OrgType child) {
            return switch (child) {
                case NATIONAL_FEDERATION -> EnumSet.noneOf(OrgType.class);
                case PROVINCIAL_FEDERATION -> EnumSet.of(NATIONAL_FEDERATION);
                case CITY_FEDERATION -> EnumSet.of(PROVINCIAL_FEDERATION);
                case COUNTY_FEDERATION -> EnumSet.of(PROVINCIAL_FEDERATION, CITY_FEDERATION);
                case TOWNSHIP_UNION, STREET_UNION -> EnumSet.of(CITY_FEDERATION, COUNTY_FEDERATION);
                case DEVELOPMENT_ZONE_FEDERATION -> EnumSet.copyOf(UPPER_GEOGRAPHIC);
                case VILLAGE_UNION, COMMUNITY_UNION -> EnumSet.copyOf(LOCAL);
                case INDUSTRY_UNION -> union(EnumSet.of(NATIONAL_FEDERATION), UPPER_GEOGRAPHIC);
                case EDUCATION_UNION -> EnumSet.copyOf(UPPER_GEOGRAPHIC);
                case SYSTEM_UNION -> union(EnumSet.of(NATIONAL_FEDERATION, INDUSTRY_UNION), UPPER_GEOGRAPHIC);
                case ENTERPRISE_GROUP_UNION -> union(EnumSet.of(NATIONAL_FEDERATION, INDUSTRY_UNION,
                        ENTERPRISE_GROUP_UNION, DEVELOPMENT_ZONE_FEDERATION), UPPER_GEOGRAPHIC);
                case REGIONAL_FEDERATION, INDUSTRY_FEDERATION, NEW_FORM_WORKER_UNION, BRAND_ALLIANCE_FEDERATION ->
                        union(EnumSet.of(INDUSTRY_UNION), UPPER_GEOGRAPHIC, LOCAL);
                case GRASSROOTS_UNION, JOINT_GRASSROOTS_UNION, JOINT_UNION, MARKET_UNION ->
                        union(UPPER_GEOGRAPHIC, LOCAL, NEIGHBOURHOOD, FEDERATIONS, SECTOR);
                case PROJECT_UNION ->
                        union(EnumSet.of(GRASSROOTS_UNION), UPPER_GEOGRAPHIC, LOCAL, NEIGHBOURHOOD, FEDERATIONS, SECTOR);
                case SUB_BRANCH -> union(EnumSet.of(ENTERPRISE_GROUP_UNION, SYSTEM_UNION), GRASSROOTS);
                case UNION_GROUP -> union(EnumSet.of(SUB_BRANCH), GRASSROOTS);
            };
        }

        @SafeVarargs
        private static Set<OrgType> union(Set<OrgType>... sets) {
            Set<OrgType> all = EnumSet.noneOf(OrgType.class);
            for (Set<OrgType> set : sets) {
                all.addAll(set);
            }
            return all;
        }
    }
}
