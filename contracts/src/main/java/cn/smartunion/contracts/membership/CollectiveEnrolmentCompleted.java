package cn.smartunion.contracts.membership;

import java.time.Instant;

/**
 * A roster import (集中入会/集体登记) finished (topic {@code membership.enrolment.v1}, key = batchId). Each new member
 * also got its own {@code MemberActivated}.
 *
 * @param rows            data rows in the file
 * @param activated       rows that became new members
 * @param alreadyMembers  rows naming a person who is already a member (reported, never moved)
 * @param rejected        rows refused for another reason (bad ID, missing field, org out of scope, duplicate row)
 */
public record CollectiveEnrolmentCompleted(
        String batchId,
        String orgId,
        String orgPath,
        JoinChannel joinChannel,
        String campaignId,
        int rows,
        int activated,
        int alreadyMembers,
        int rejected,
        Instant completedAt) {
}
