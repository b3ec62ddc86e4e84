package cn.smartunion.aid.mutualaid.domain;

import java.util.List;
import java.util.Optional;

public interface Claims {

    void add(Claim.Submitted submitted);

    /**
     * Writes the claim's new state with its events if it is still at the version it was read at.
     *
     * @param approvedUnpaid when true, the claim's unpaid amount (what the disbursement ledger may still pay) is set
     *                       to the approved amount
     * @return false when it changed meanwhile (nothing written)
     */
    boolean update(Claim claim, List<Object> events, boolean approvedUnpaid);

    Optional<Claim> findWithin(String id, String scopePath);

    /** The disbursements the ledger charged to the claim (normally none or one). */
    List<String> paidDisbursements(String id);

    List<Claim> listWithin(ClaimFilter filter, int page, int size);

    long countWithin(ClaimFilter filter);

    record ClaimFilter(String scopePath, ClaimStatus status, String planId, String memberId) {
    }
}
