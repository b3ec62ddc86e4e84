package cn.smartunion.competition.members.domain;

import java.util.Optional;

/** The members competition-service has heard of. */
public interface MemberDirectory {

    Optional<MemberView> find(String memberId);

    /** The member whose record is linked to this signed-in account (token {@code sub}). */
    Optional<MemberView> findByAccount(String accountSubject);
}
