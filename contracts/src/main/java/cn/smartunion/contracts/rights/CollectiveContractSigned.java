package cn.smartunion.contracts.rights;

import java.time.LocalDate;

/**
 * A collective contract (集体合同) was signed (topic {@code rights.bargaining.v1}, key = contractId). Pseudonymous: ids
 * only.
 *
 * @param congressApprovedOn when the workers' congress (职代会) approved the draft
 * @param effectiveTo        last day the contract is in force
 */
public record CollectiveContractSigned(
        String contractId,
        ContractType contractType,
        String orgId,
        String orgPath,
        int unitsCovered,
        int workersCovered,
        LocalDate congressApprovedOn,
        LocalDate signedOn,
        LocalDate effectiveFrom,
        LocalDate effectiveTo) {
}
