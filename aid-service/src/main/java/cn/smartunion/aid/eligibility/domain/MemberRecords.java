package cn.smartunion.aid.eligibility.domain;

import java.util.Optional;

/** The members aid-service has heard of. */
public interface MemberRecords {

    Optional<MemberRecord> find(String memberId);

    /** The member if their union lies in the subtree at {@code scopePath}. */
    Optional<MemberRecord> findWithin(String memberId, String scopePath);
}
