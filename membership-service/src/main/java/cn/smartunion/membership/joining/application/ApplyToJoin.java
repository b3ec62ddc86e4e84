package cn.smartunion.membership.joining.application;

import cn.smartunion.contracts.membership.JoinChannel;
import cn.smartunion.membership.member.application.EmploymentDetails;

import java.util.List;

/**
 * Apply to join a union (入会申请), as typed in the member app or by staff entering it for a worker; raw input,
 * validated by {@link ApplicationSubmission}.
 *
 * @param orgId       the receiving union; may be left out when {@code joinCode} names it
 * @param joinCode    the scanned QR join code (self-service only), null otherwise
 * @param mobilePhone required when the worker applies themself, optional when staff enter it
 * @param employment  null when not declared
 * @param joinChannel null for the default: ONLINE_APPLICATION for a worker, QR_CODE with a join code, MOBILE_WINDOW
 *                    for staff
 * @param campaignId  null for none; taken from the join code when there is one
 */
public record ApplyToJoin(
        String orgId,
        String joinCode,
        String legalName,
        String citizenIdNumber,
        String mobilePhone,
        EmploymentDetails employment,
        List<String> groupTags,
        JoinChannel joinChannel,
        String campaignId) {

    /** Personal data: never printed. */
    @Override
    public String toString() {
        return "ApplyToJoin[orgId=" + orgId + ", joinChannel=" + joinChannel + "]";
    }
}
