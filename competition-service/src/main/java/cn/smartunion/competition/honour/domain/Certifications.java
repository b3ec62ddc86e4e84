package cn.smartunion.competition.honour.domain;

import java.util.List;
import java.util.Optional;

/** Certifications recorded by unions, one per natural key. */
public interface Certifications {

    /** Records it with its event; false when it was recorded before. */
    boolean addIfAbsent(Certification certification, Object certifiedEvent);

    Optional<Certification> findWithin(String id, String scopePath);

    List<Certification> listWithin(String scopePath, String memberId, String trade, int page, int size);

    long countWithin(String scopePath, String memberId, String trade);
}
