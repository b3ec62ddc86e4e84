package cn.smartunion.runtime.orgdirectory;

import java.time.Instant;

/** A service's own copy of one union organisation, kept from membership-service's org events. */
public record OrgDirectoryEntry(String orgId, String code, String name, String orgType, String parentId, String path,
                                String divisionCode, Instant registeredAt) {
}
