package cn.smartunion.membership.joining.domain;

import cn.smartunion.contracts.membership.ActorKind;
import cn.smartunion.contracts.membership.JoinChannel;
import cn.smartunion.membership.member.domain.MemberRuleViolation;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which of the fourteen join channels (DOMAIN.md §2.2) an application may name, by who submits it. A worker applying
 * on their own phone cannot claim a channel that only staff operate (流动窗口, 集中入会 ceremonies, new-investment
 * enterprises), and staff entering an application for a worker (帮办/代办) cannot claim the worker's own online
 * channels. Collective registration is a roster import (collective enrolment), never an application.
 */
public final class JoinChannels {

    /** Channels of a worker's own application: the app, a scanned code, the mini-program, the pilots. */
    public static final Set<JoinChannel> SELF_SERVICE = EnumSet.of(
            JoinChannel.ONLINE_APPLICATION,
            JoinChannel.QR_CODE,
            JoinChannel.ONE_TAP_MINI_PROGRAM,
            JoinChannel.MEMBERSHIP_SOCIAL_INSURANCE_BUNDLE,
            JoinChannel.OUTSIDE_EMPLOYER,
            JoinChannel.SERVICE_FIRST,
            JoinChannel.AT_ORIGIN,
            JoinChannel.PLATFORM_UNION,
            JoinChannel.PROJECT_BASED,
            JoinChannel.TRUCK_DRIVER_ONLINE_PILOT);

    /** Channels of an application staff enter on a worker's behalf. */
    public static final Set<JoinChannel> ON_BEHALF = EnumSet.of(
            JoinChannel.MOBILE_WINDOW,
            JoinChannel.SERVICE_FIRST,
            JoinChannel.CONCENTRATED_CAMPAIGN,
            JoinChannel.MEMBERSHIP_SOCIAL_INSURANCE_BUNDLE,
            JoinChannel.OUTSIDE_EMPLOYER,
            JoinChannel.AT_ORIGIN,
            JoinChannel.PLATFORM_UNION,
            JoinChannel.NEW_INVESTMENT_ENTERPRISE,
            JoinChannel.PROJECT_BASED);

    /** Channels that only count for a campaign or project, so the application must name it. */
    public static final Set<JoinChannel> CAMPAIGN_REQUIRED = EnumSet.of(
            JoinChannel.CONCENTRATED_CAMPAIGN,
            JoinChannel.PROJECT_BASED);

    private JoinChannels() {
    }

    /** @throws MemberRuleViolation naming {@code joinChannel} or {@code campaignId} */
    static void check(JoinChannel channel, ActorKind submittedBy, String campaignId) {
        if (channel == null) {
            throw new MemberRuleViolation("joinChannel", "is required");
        }
        if (channel == JoinChannel.COLLECTIVE_REGISTRATION) {
            throw new MemberRuleViolation("joinChannel",
                    "COLLECTIVE_REGISTRATION is for rosters imported by collective enrolment, not for applications");
        }
        Set<JoinChannel> allowed = switch (submittedBy) {
            case MEMBER -> SELF_SERVICE;
            case STAFF -> ON_BEHALF;
            default -> throw new IllegalArgumentException("applications are submitted by the worker or by staff");
        };
        if (!allowed.contains(channel)) {
            throw new MemberRuleViolation("joinChannel", channel + " is not a channel of "
                    + (submittedBy == ActorKind.MEMBER ? "a worker's own application"
                            : "an application entered by staff")
                    + "; allowed are " + allowed);
        }
        if (CAMPAIGN_REQUIRED.contains(channel) && campaignId == null) {
            throw new MemberRuleViolation("campaignId", "is required for " + channel);
        }
    }
}
