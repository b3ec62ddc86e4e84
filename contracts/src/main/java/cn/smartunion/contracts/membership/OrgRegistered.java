package cn.smartunion.contracts.membership;

import java.time.Instant;

/**
 * A union organisation joined the tree. Every service keeps its own copy of the tree from these events
 * to scope its data. Organisations are public bodies: their names are not personal data.
 *
 * @param orgId        stable id of the organisation
 * @param code         code of the unit under its parent (an administrative division code for geographic levels)
 * @param name         official name
 * @param orgType      one of the organisation types of the domain (e.g. PROVINCIAL_FEDERATION, GRASSROOTS_UNION)
 * @param parentId     id of the parent organisation, null for a root
 * @param path         materialised path of codes from the root, e.g. {@code 420000/420300/420322}
 * @param divisionCode administrative division code where the unit is geographic, otherwise null
 * @param registeredAt when it was registered
 */
public record OrgRegistered(
        String orgId,
        String code,
        String name,
        String orgType,
        String parentId,
        String path,
        String divisionCode,
        Instant registeredAt) {
}
