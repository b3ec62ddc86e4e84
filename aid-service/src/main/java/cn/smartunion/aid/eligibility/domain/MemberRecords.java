package cn.smartunion.aid.eligibility.domain;

import java.util.Optional;

/** The members aid-service has heard of. */
public interface MemberRecords {

    Optional<MemberRecord> find(String memberId);
}
