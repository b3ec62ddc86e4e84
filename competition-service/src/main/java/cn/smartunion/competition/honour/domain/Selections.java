package cn.smartunion.competition.honour.domain;

import cn.smartunion.contracts.competition.HonourType;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Selection rounds; one per (conferring union, honour type, cycle). */
public interface Selections {

    /** @throws Duplicate when the union already opened a selection for this honour and cycle */
    void add(Selection selection);

    /** A selection the caller at {@code callerPath} may see: opened by their union, one above it or one below it. */
    Optional<Selection> findVisible(String id, String callerPath);

    List<Selection> listVisible(String callerPath, HonourType type, String cycle, int page, int size);

    long countVisible(String callerPath, HonourType type, String cycle);

    /** Marks it conferred if still open; false when it was not open any more. */
    boolean markConferred(String id, LocalDate conferredOn);

    class Duplicate extends RuntimeException {
        public Duplicate() {
            super("the union already opened a selection for this honour and cycle");
        }
    }
}
