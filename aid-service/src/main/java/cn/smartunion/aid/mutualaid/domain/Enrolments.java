package cn.smartunion.aid.mutualaid.domain;

import java.util.List;
import java.util.Optional;

public interface Enrolments {

    /**
     * Stores the enrolment with its event.
     *
     * @return the enrolment already held by the member for the programme and plan year, if there is one (nothing
     * stored then)
     */
    Optional<Enrolment> add(Enrolment.Enrolled enrolled);

    Optional<Enrolment> find(String id);

    Optional<Enrolment> findWithin(String id, String scopePath);

    List<Enrolment> listWithin(String scopePath, String planId, String memberId, int page, int size);

    long countWithin(String scopePath, String planId, String memberId);

    /**
     * Reserves {@code amountFen} of the member's annual limit for the claim, once per claim.
     *
     * @return false when the enrolment's payouts would exceed {@code annualLimitFen}
     */
    boolean reservePayout(String enrolmentId, String claimId, long amountFen, long annualLimitFen);

    /** Gives back a claim's reservation (an approval that did not go through); once per claim. */
    void releasePayout(String enrolmentId, String claimId, long amountFen);

    /** What the claims approved under the enrolment have used of the annual limit, in fen. */
    long reservedFen(String enrolmentId);
}
