package cn.smartunion.competition.innovation.domain;

import cn.smartunion.contracts.EventType;
import cn.smartunion.contracts.competition.StudioLevel;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The studio registry; every change is one conditional update on the stored version. */
public interface Studios {

    void add(Studio studio, Object registeredEvent);

    /**
     * @param eventType null for changes without an event (outputs)
     * @throws Innovations.ConcurrentChange when it changed since it was read
     */
    void update(Studio studio, EventType eventType, Object event);

    Optional<Studio> findWithin(String id, String scopePath);

    List<Studio> listWithin(String scopePath, StudioLevel level, StudioStatus status, int page, int size);

    long countWithin(String scopePath, StudioLevel level, StudioStatus status);

    /** Active studios whose next review was due before {@code asOf}, the longest overdue first. */
    List<Studio> overdueWithin(String scopePath, LocalDate asOf, int page, int size);

    long countOverdueWithin(String scopePath, LocalDate asOf);
}
