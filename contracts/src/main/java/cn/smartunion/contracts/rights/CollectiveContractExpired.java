package cn.smartunion.contracts.rights;

import java.time.LocalDate;

/**
 * A collective contract expired (topic {@code rights.bargaining.v1}, key = contractId). Pseudonymous: ids only.
 */
public record CollectiveContractExpired(
        String contractId,
        ContractType contractType,
        String orgId,
        String orgPath,
        int unitsCovered,
        int workersCovered,
        LocalDate expiredOn) {
}
