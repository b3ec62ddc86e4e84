package cn.smartunion.rights.supervision.domain;

import cn.smartunion.contracts.rights.NoticeType;

import java.util.List;
import java.util.Optional;

/** Supervision notices; changes are conditional single-document updates on the stored version. */
public interface SupervisionNotices {

    void add(SupervisionNotice notice, Object issuedEvent);

    /** @throws ConcurrentChange when the notice no longer has the version it was read with */
    void update(SupervisionNotice notice);

    Optional<SupervisionNotice> findWithin(String id, String scopePath);

    List<SupervisionNotice> listWithin(String scopePath, Filter filter, int page, int size);

    long countWithin(String scopePath, Filter filter);

    record Filter(NoticeType type, String employerCreditCode, NoticeStatus status) {
    }

    class ConcurrentChange extends RuntimeException {
        public ConcurrentChange(String id) {
            super("supervision notice " + id + " was changed concurrently");
        }
    }
}
