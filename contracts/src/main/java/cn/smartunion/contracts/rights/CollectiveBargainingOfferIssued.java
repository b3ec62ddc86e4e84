package cn.smartunion.contracts.rights;

import java.time.LocalDate;

/**
 * A union issued an offer to bargain collectively (要约; topic {@code rights.bargaining.v1}, key = contractId).
 * Pseudonymous: ids only.
 *
 * @param contractId     the contract being bargained
 * @param unitsCovered   employing units covered, 1 to 100000
 * @param workersCovered workers covered, 0 to 10000000
 * @param offerCampaign  the bargaining campaign (要约行动) it belongs to, null when none
 */
public record CollectiveBargainingOfferIssued(
        String contractId,
        ContractType contractType,
        String orgId,
        String orgPath,
        int unitsCovered,
        int workersCovered,
        String offerCampaign,
        LocalDate issuedOn) {
}
