package cn.smartunion.contracts.rights;

import java.time.LocalDate;

/**
 * A collective contract was renewed (续签; topic {@code rights.bargaining.v1}, key = contractId). Pseudonymous: ids
 * only.
 *
 * @param contractId        the contract renewed
 * @param renewalContractId the contract that follows it
 */
public record CollectiveContractRenewed(
        String contractId,
        String renewalContractId,
        ContractType contractType,
        String orgId,
        String orgPath,
        LocalDate renewedOn) {
}
