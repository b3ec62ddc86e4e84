package cn.smartunion.contracts.rights;

import java.time.Instant;

/**
 * A worker met through rights work was referred to hardship aid (转帮扶; topic {@code rights.referral.v1},
 * key = referralId); aid-service turns it into an identified hardship case. Pseudonymous: the person's identity is
 * fetched by aid staff from rights-service, never carried.
 *
 * @param sourceId the dispute case or work order it comes from
 * @param personId pseudonymous id of the worker, null when not known
 * @param memberId the worker's membership, null when not a member or not known
 */
public record HardshipReferred(
        String referralId,
        HardshipReferralSource source,
        String sourceId,
        String personId,
        String memberId,
        String orgId,
        String orgPath,
        Instant referredAt) {
}
