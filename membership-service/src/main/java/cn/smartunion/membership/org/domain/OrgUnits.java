package cn.smartunion.membership.org.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where organisation units are kept. Every change is one single-document write together with its event, conditional
 * on the revision the change was computed from.
 */
public interface OrgUnits {

    /** Stores a newly registered unit together with its event; fails with {@link DuplicateOrgPath} if the path exists. */
    void add(OrgUnit.Registered registration);

    /** @throws StaleOrgUnit when the unit is no longer at the revision the update started from */
    void save(OrgUnit.Updated update);

    /**
     * Stores the moved unit with its event and a marker saying its subtree still has to follow; then
     * {@link #finishReorganisation} re-paths the subtree (or the sweeper does, after a crash).
     *
     * @throws StaleOrgUnit     when the unit changed meanwhile or is itself still being re-pathed
     * @throws DuplicateOrgPath when the new parent already has a unit with this code
     */
    void save(OrgUnit.Moved move);

    /**
     * @param childrenRevision the {@link #childrenRevision} read before the units below were counted: the write
     *                         fails if a unit was placed under this one since
     * @throws StaleOrgUnit when the unit, or the set of units under it, changed meanwhile
     */
    void save(OrgUnit.Dissolved dissolution, long childrenRevision);

    /** Re-paths everything below a moved unit and clears its marker; does nothing when there is no marker. */
    void finishReorganisation(String id);

    /**
     * True while a move that is not finished yet re-paths a subtree containing {@code path} (or, with
     * {@code orBelow}, any subtree inside {@code path}'s): a unit placed there now could be left behind.
     */
    boolean reorganising(OrgPath path, boolean orBelow);

    /**
     * Records that a unit was just placed directly under {@code parentId}, so a dissolution of the parent computed
     * before fails; answers the parent's current path, or empty when the parent is dissolved or gone.
     */
    Optional<OrgPath> notePlacedUnder(String parentId);

    /** Counter of the units placed under this one; see {@link #save(OrgUnit.Dissolved, long)}. */
    long childrenRevision(String id);

    /** Units directly under this one that are not dissolved. */
    long countActiveUnitsUnder(String id);

    Optional<OrgUnit> findByPath(OrgPath path);

    Optional<OrgUnit> findById(String id);

    /** The unit with this id if it lies within {@code scope}; a unit outside it is not found. */
    Optional<OrgUnit> findWithin(String id, OrgPath scope);

    /** Units within {@code subtree} (its root included), ordered by path. */
    PageOf<OrgUnit> listWithin(OrgPath subtree, ListFilter filter, int page, int size);

    /**
     * @param types            kinds to list; empty for all
     * @param includeDissolved whether dissolved units are listed too
     */
    record ListFilter(Set<OrgType> types, boolean includeDissolved) {

        public ListFilter {
            types = types == null ? Set.of() : Set.copyOf(types);
        }
    }

    record PageOf<T>(List<T> items, int page, int size, long totalItems) {
    }

    class DuplicateOrgPath extends RuntimeException {
        public DuplicateOrgPath(OrgPath path) {
            super("an organisation with path " + path + " already exists");
        }
    }

    /** The unit is no longer at the revision a change was computed from. */
    class StaleOrgUnit extends RuntimeException {
        public StaleOrgUnit(String id) {
            super("organisation " + id + " changed meanwhile");
        }
    }
}
