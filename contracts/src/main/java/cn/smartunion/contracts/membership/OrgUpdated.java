package cn.smartunion.contracts.membership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An organisation's descriptive record changed (topic {@code membership.org.v1}, key = orgId). Carries the complete
 * new values of every field that can be updated, so a consumer simply overwrites its copy, and names the fields that
 * changed for analysts. The path is informative only: it changes through {@link OrgMoved}, never through this event.
 *
 * @param changedFields names of the fields this update changed, e.g. {@code ["name","employeeCount"]}
 * @param version       the organisation's revision after this update
 */
public record OrgUpdated(
        String orgId,
        String path,
        String name,
        List<String> industryCodes,
        List<String> coveredUnitCodes,
        String ownership,
        Integer employeeCount,
        LocalDate foundedOn,
        LocalDate endsOn,
        List<String> changedFields,
        long version,
        Instant updatedAt) {
}
