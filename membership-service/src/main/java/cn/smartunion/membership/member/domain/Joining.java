package cn.smartunion.membership.member.domain;

import cn.smartunion.contracts.membership.JoinChannel;

import java.util.regex.Pattern;

/**
 * How the current membership came about: the channel (入会渠道), the campaign or project it counts for, and the
 * application or collective-enrolment batch that produced it.
 */
public record Joining(JoinChannel channel, String campaignId, String applicationId, String enrolmentBatchId) {

    private static final Pattern CAMPAIGN_ID = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]{0,63}");
    private static final Pattern REFERENCE = Pattern.compile("[0-9A-Za-z._:-]{1,64}");

    public Joining {
        if (channel == null) {
            throw new MemberRuleViolation("joinChannel", "is required");
        }
        campaignId = blankToNull(campaignId);
        applicationId = blankToNull(applicationId);
        enrolmentBatchId = blankToNull(enrolmentBatchId);
        if (campaignId != null && !CAMPAIGN_ID.matcher(campaignId).matches()) {
            throw new MemberRuleViolation("campaignId", "must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (applicationId != null && !REFERENCE.matcher(applicationId).matches()) {
            throw new MemberRuleViolation("applicationId", "must be 1 to 64 letters, digits, '.', '_', ':' or '-'");
        }
        if (enrolmentBatchId != null && !REFERENCE.matcher(enrolmentBatchId).matches()) {
            throw new MemberRuleViolation("enrolmentBatchId", "must be 1 to 64 letters, digits, '.', '_', ':' or '-'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
