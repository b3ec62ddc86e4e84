package cn.smartunion.contracts.membership;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An organisation was dissolved (撤销; topic {@code membership.org.v1}, key = orgId). It stays in the tree as history:
 * records owned by it remain readable, but nothing new may be registered under it.
 *
 * @param reasonCode  why, e.g. ENTERPRISE_CLOSED, MERGED, PROJECT_COMPLETED
 * @param effectiveOn the date the dissolution takes effect
 * @param version     the organisation's revision after the dissolution
 */
public record OrgDissolved(
        String orgId,
        String path,
        String reasonCode,
        LocalDate effectiveOn,
        long version,
        Instant dissolvedAt) {
}
