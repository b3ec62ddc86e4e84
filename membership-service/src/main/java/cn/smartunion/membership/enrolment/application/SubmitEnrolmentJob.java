package cn.smartunion.membership.enrolment.application;

import cn.smartunion.contracts.membership.JoinChannel;

/** Import an uploaded roster into the organisation {@code orgId} (and the orgs below it that rows name). */
public record SubmitEnrolmentJob(String orgId, JoinChannel joinChannel, String campaignId, RosterUpload roster) {
}
