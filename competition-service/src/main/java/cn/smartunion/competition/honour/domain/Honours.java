package cn.smartunion.competition.honour.domain;

import cn.smartunion.contracts.competition.HonourType;

import java.util.List;
import java.util.Optional;

/** Conferred honours, each with its events in its own outbox. */
public interface Honours {

    /** Records it with its conferred event; false when it was recorded already (a repeated conferral). */
    boolean addIfAbsent(Honour honour, Object conferredEvent);

    /** @throws Nominations.ConcurrentChange when the honour changed since it was read */
    void revoke(Honour revoked, Object revokedEvent);

    Optional<Honour> findWithin(String id, String scopePath);

    List<Honour> listWithin(String scopePath, Filter filter, int page, int size);

    long countWithin(String scopePath, Filter filter);

    /** A member's own honours, whatever union holds them. */
    List<Honour> ofMember(String memberId, int page, int size);

    long countOfMember(String memberId);

    long countOfSelection(String selectionId);

    record Filter(String memberId, String personId, String teamId, String unitCreditCode, HonourType type,
                  HonourStatus status, String selectionId) {
    }
}
