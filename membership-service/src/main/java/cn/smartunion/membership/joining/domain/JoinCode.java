package cn.smartunion.membership.joining.domain;

import java.time.Instant;

/**
 * What a verified QR join code (扫码入会) says: the receiving union, the campaign it counts for, how long it is valid,
 * and the key it was signed with.
 *
 * @param campaignId null when the code counts for no campaign
 */
public record JoinCode(String orgId, String campaignId, Instant validUntil, String keyId) {
}
