package cn.smartunion.contracts.membership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A union organisation joined the tree (建会; topic {@code membership.org.v1}, key = orgId). Every service keeps its
 * own copy of the tree from these events to scope its data. Organisations are public bodies: their names are not
 * personal data. The names of the units a federation covers are not carried (a self-employed business is often named
 * after its owner), only their unified social credit codes.
 *
 * @param orgId            stable id of the organisation
 * @param code             code of the unit under its parent (an administrative division code for geographic levels)
 * @param name             official name
 * @param orgType          one of the organisation types of the domain (e.g. PROVINCIAL_FEDERATION, GRASSROOTS_UNION)
 * @param parentId         id of the parent organisation, null for a root
 * @param path             materialised path of codes from the root, e.g. {@code 420000/420300/420322}
 * @param divisionCode     administrative division code where the unit is geographic, otherwise null
 * @param registeredAt     when it was registered
 * @param industryCodes    industries it is affiliated with (GB/T 4754 codes such as {@code G} or {@code G6020});
 *                         null or empty when none were given. Added in a minor revision: may be absent
 * @param coveredUnitCodes unified social credit codes of the firms and self-employed a federation or joint union
 *                         covers; null or empty otherwise. Added in a minor revision
 * @param ownership        ownership of the unit's employer (STATE_OWNED, NON_PUBLIC, ...) when known. Minor revision
 * @param employeeCount    workers employed, as reported, when known (the denominator of 入会率). Minor revision
 * @param foundedOn        the date the union was founded when known. Minor revision
 * @param endsOn           planned end date; set for project unions only. Minor revision
 * @param version          the organisation's revision after this event; a consumer applies an organisation's events
 *                         only in increasing revision. Minor revision: absent from events of older producers
 */
public record OrgRegistered(
        String orgId,
        String code,
        String name,
        String orgType,
        String parentId,
        String path,
        String divisionCode,
        Instant registeredAt,
        List<String> industryCodes,
        List<String> coveredUnitCodes,
        String ownership,
        Integer employeeCount,
        LocalDate foundedOn,
        LocalDate endsOn,
        Long version) {

    /** The first revision's fields only (producers and tests written before the minor revision). */
    public OrgRegistered(String orgId, String code, String name, String orgType, String parentId, String path,
                         String divisionCode, Instant registeredAt) {
        this(orgId, code, name, orgType, parentId, path, divisionCode, registeredAt, null, null, null, null, null,
                null, null);
    }
}
