package cn.smartunion.membership.enrolment.application;

import cn.smartunion.contracts.membership.JoinChannel;

import java.time.Instant;

/**
 * The job a row is enrolled under.
 *
 * @param batchId     the job id; {@code MemberActivated.enrolmentBatchId} and the idempotency scope of a row
 * @param orgId       the job's organisation (each row carries its own target, at or below it)
 * @param orgPath     the job's organisation's path
 * @param requestedBy the uploading staff member (token subject), for the register's audit trail
 * @param requestedAt when the roster was uploaded; the natural membership start date
 */
public record EnrolmentContext(String batchId, String orgId, String orgPath, JoinChannel joinChannel,
                               String campaignId, String requestedBy, Instant requestedAt) {
}
