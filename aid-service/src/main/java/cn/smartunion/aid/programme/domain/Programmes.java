package cn.smartunion.aid.programme.domain;

import java.util.List;
import java.util.Optional;

public interface Programmes {

    /** @return false when a programme with this code exists */
    boolean add(Programme programme);

    Optional<Programme> find(String code);

    /** The programme if a union at {@code orgPath} can see it (see {@link #listVisibleTo}). */
    Optional<Programme> findVisibleTo(String code, String orgPath);

    /** Programmes a union at {@code orgPath} can see: those of its own and higher unions, and those below it. */
    List<Programme> listVisibleTo(String orgPath, ProgrammeKind kind, int page, int size);

    long countVisibleTo(String orgPath, ProgrammeKind kind);
}
