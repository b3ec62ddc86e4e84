package cn.smartunion.membership.joining.adapter.in.web;

import cn.smartunion.contracts.membership.JoinChannel;
import cn.smartunion.membership.joining.application.ApplyToJoin;
import cn.smartunion.membership.joining.domain.RejectionReason;
import cn.smartunion.membership.member.adapter.in.web.EmploymentRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Request bodies of the joining API; sizes bound what is read, the rules are the use cases'. */
final class JoiningRequests {

    private JoiningRequests() {
    }

    /** A worker's own application: to {@code orgId}, or to the union a scanned {@code joinCode} names. */
    record ApplyRequest(
            @Size(max = 64) String orgId,
            @Size(max = 512) String joinCode,
            @NotBlank @Size(max = 100) String legalName,
            @NotBlank @Size(max = 32) String citizenIdNumber,
            @NotBlank @Size(max = 32) String mobilePhone,
            @Valid EmploymentRequest employment,
            @Size(max = 32) List<@NotBlank @Size(max = 64) String> groupTags,
            JoinChannel joinChannel,
            @Size(max = 64) String campaignId) {

        ApplyToJoin command() {
            return new ApplyToJoin(orgId, joinCode, legalName, citizenIdNumber, mobilePhone,
                    EmploymentRequest.details(employment), groupTags, joinChannel, campaignId);
        }

        @Override
        public String toString() {
            return "ApplyRequest[orgId=" + orgId + ", joinChannel=" + joinChannel + "]";
        }
    }

    /**
     * An application staff enter for a worker (帮办/代办).
     *
     * @param approveNow  approve it in the same request (the receiving union must be in the caller's subtree)
     * @param effectiveOn membership start when approved now; null for today
     */
    record OnBehalfRequest(
            @NotBlank @Size(max = 64) String orgId,
            @NotBlank @Size(max = 100) String legalName,
            @NotBlank @Size(max = 32) String citizenIdNumber,
            @Size(max = 32) String mobilePhone,
            @Valid EmploymentRequest employment,
            @Size(max = 32) List<@NotBlank @Size(max = 64) String> groupTags,
            JoinChannel joinChannel,
            @Size(max = 64) String campaignId,
            Boolean approveNow,
            LocalDate effectiveOn) {

        ApplyToJoin command() {
            return new ApplyToJoin(orgId, null, legalName, citizenIdNumber, mobilePhone,
                    EmploymentRequest.details(employment), groupTags, joinChannel, campaignId);
        }

        boolean approving() {
            return Boolean.TRUE.equals(approveNow);
        }

        @Override
        public String toString() {
            return "OnBehalfRequest[orgId=" + orgId + ", joinChannel=" + joinChannel + "]";
        }
    }

    record ApproveRequest(LocalDate effectiveOn) {
    }

    record RejectRequest(@NotNull RejectionReason reasonCode, @Size(max = 2000) String note) {
    }

    record IssueJoinCodeRequest(@NotNull Instant validUntil, @Size(max = 64) String campaignId) {
    }
}
