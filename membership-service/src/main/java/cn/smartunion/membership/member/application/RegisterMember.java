package cn.smartunion.membership.member.application;

import cn.smartunion.contracts.membership.ActorKind;
import cn.smartunion.contracts.membership.JoinChannel;

import java.time.LocalDate;
import java.util.List;

/**
 * Register a person as a member of the union {@code orgId} (入会). Used by staff entry (流动窗口), approved
 * applications, QR joining and collective enrolment alike; all values are raw input, validated by
 * {@link MemberRegistration}.
 *
 * @param mobilePhone      null when not given
 * @param employment       null when not declared
 * @param groupTags        codes of the configured worker groups; null or empty for none
 * @param campaignId       the campaign or project the joining counts for, null otherwise
 * @param actorKind        who performs the registration (the worker, staff on their behalf, an import)
 * @param actorSubject     the actor's Keycloak user id (or the import job id); recorded in the status history
 * @param accountSubject   the Keycloak user id of the worker's own account, when they have one
 * @param applicationId    the approved application, null for direct entry and imports
 * @param enrolmentBatchId the collective enrolment job, null otherwise
 * @param effectiveOn      membership start date; null means today (Beijing time)
 */
public record RegisterMember(
        String orgId,
        String legalName,
        String citizenIdNumber,
        String mobilePhone,
        EmploymentDetails employment,
        List<String> groupTags,
        JoinChannel joinChannel,
        String campaignId,
        ActorKind actorKind,
        String actorSubject,
        String accountSubject,
        String applicationId,
        String enrolmentBatchId,
        LocalDate effectiveOn) {

    /** Personal data: never printed. */
    @Override
    public String toString() {
        return "RegisterMember[orgId=" + orgId + ", joinChannel=" + joinChannel + ", actorKind=" + actorKind + "]";
    }
}
