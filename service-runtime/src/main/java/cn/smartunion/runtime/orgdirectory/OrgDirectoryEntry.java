package cn.smartunion.runtime.orgdirectory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A service's own copy of one union organisation, kept from membership-service's org events.
 *
 * @param industryCodes GB/T 4754 industry codes the unit is affiliated with (the industrial axis)
 * @param dissolved     true once the unit was dissolved; records owned by it stay readable, nothing new is placed
 *                      under it
 * @param dissolvedOn   the date the dissolution took effect, when dissolved
 */
public record OrgDirectoryEntry(String orgId, String code, String name, String orgType, String parentId, String path,
                                String divisionCode, Instant registeredAt, List<String> industryCodes,
                                boolean dissolved, LocalDate dissolvedOn) {
}
