package cn.smartunion.competition.innovation.domain;

import cn.smartunion.contracts.EventType;
import cn.smartunion.contracts.competition.InnovationType;

import java.util.List;
import java.util.Optional;

/** Innovations; every change is one conditional update on the stored version with its event in the outbox. */
public interface Innovations {

    void add(Innovation innovation, Object submittedEvent);

    /** @throws ConcurrentChange when it changed since it was read */
    void update(Innovation innovation, EventType eventType, Object event);

    Optional<Innovation> findWithin(String id, String scopePath);

    List<Innovation> listWithin(String scopePath, Filter filter, int page, int size);

    long countWithin(String scopePath, Filter filter);

    /** The innovations naming the member among their authors, newest first, wherever they are kept. */
    List<Innovation> ofAuthor(String memberId, int page, int size);

    long countOfAuthor(String memberId);

    record Filter(InnovationType type, InnovationStatus status, String unitCreditCode) {
    }

    class ConcurrentChange extends RuntimeException {
        public ConcurrentChange(String id) {
            super(id + " was changed concurrently");
        }
    }
}
