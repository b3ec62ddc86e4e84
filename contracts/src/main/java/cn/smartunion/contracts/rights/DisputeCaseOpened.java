package cn.smartunion.contracts.rights;

import java.time.Instant;
import java.util.List;

/**
 * A labour dispute case was opened (立案; topic {@code rights.dispute.v1}, key = caseId). Pseudonymous: ids only.
 *
 * @param workOrderId      the work order it came from, null when opened directly
 * @param claimTypes       what the dispute is about, one to seven distinct types
 * @param workers          the workers party to it, 1 to 500, by pseudonymous ids only
 * @param employerId       pseudonymous id of the employer
 * @param platformId       pseudonymous id of the platform for platform workers, otherwise null
 * @param amountClaimedFen money claimed, in fen (1/100 yuan)
 * @param collective       whether it is a collective dispute (集体劳动争议)
 * @param crossProvince    whether parties are in different provinces
 */
public record DisputeCaseOpened(
        String caseId,
        CaseIntake intake,
        String workOrderId,
        List<ClaimType> claimTypes,
        List<Worker> workers,
        String employerId,
        String platformId,
        long amountClaimedFen,
        boolean collective,
        boolean crossProvince,
        String orgId,
        String orgPath,
        Instant openedAt) {

    /**
     * A worker party to the case, by pseudonymous ids only.
     *
     * @param personId  pseudonymous id of the worker
     * @param memberId  the worker's membership, null when not a member
     * @param groupTags the worker-group tags (e.g. {@code COURIER}), at most 32
     */
    public record Worker(String personId, String memberId, List<String> groupTags) {
    }
}
