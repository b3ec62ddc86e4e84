package cn.smartunion.contracts.aid;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A campaign's help reached a person or a work site (慰问 / 送温暖 / 送清凉 distribution; topic
 * {@code aid.campaign.v1}, key = deliveryId). Summing {@code personTimes} gives 慰问人次. Pseudonymous: a beneficiary
 * is an id only.
 *
 * @param deliveryId      id of this distribution record
 * @param beneficiaryType who was reached; says which of {@code memberId}, {@code personId}, {@code siteId} is set
 * @param memberId        the member reached, set for {@link BeneficiaryType#MEMBER}, otherwise null
 * @param personId        pseudonymous id of a non-member worker, set for {@link BeneficiaryType#NON_MEMBER_WORKER},
 *                        otherwise null
 * @param siteId          the work site visited, set for {@link BeneficiaryType#WORK_SITE}; for a person the site
 *                        where they were reached when recorded, otherwise null
 * @param personTimes     person-times (人次) this delivery counts: 1 for a person, the workers reached for a work site
 * @param cashFen         cash given, in fen (1/100 yuan)
 * @param inKindFen       value of goods given, in fen
 * @param deliveredOn     the date of the delivery; reports count by this date
 */
public record CondolenceDelivered(
        String deliveryId,
        String campaignId,
        String programmeCode,
        String orgId,
        String orgPath,
        String cycle,
        BeneficiaryType beneficiaryType,
        String memberId,
        String personId,
        String siteId,
        int personTimes,
        long cashFen,
        long inKindFen,
        LocalDate deliveredOn,
        Instant occurredAt) {
}
