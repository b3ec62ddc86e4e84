package cn.smartunion.contracts.membership;

import java.time.Instant;

/**
 * An organisation was placed under another parent (topic {@code membership.org.v1}, key = orgId). Everything under
 * it moves with it: a consumer that scopes records by path re-paths every path under {@code oldPath} to the same
 * place under {@code newPath}. No separate events are sent for the units below. {@code oldParentId} equals
 * {@code newParentId} when membership-service re-aligns a unit whose parent moved while it was being placed.
 *
 * @param version the organisation's revision after the move
 */
public record OrgMoved(
        String orgId,
        String oldParentId,
        String newParentId,
        String oldPath,
        String newPath,
        long version,
        Instant movedAt) {
}
