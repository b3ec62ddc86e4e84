package cn.smartunion.contracts.membership;

import java.time.Instant;
import java.util.List;

/** The member's worker-group tags changed (八大群体, 新就业形态, 农民工 …; topic {@code membership.member.v1}). */
public record MemberGroupTagsChanged(
        String memberId,
        String orgId,
        String orgPath,
        List<String> added,
        List<String> removed,
        List<String> groupTags,
        Instant occurredAt) {
}
