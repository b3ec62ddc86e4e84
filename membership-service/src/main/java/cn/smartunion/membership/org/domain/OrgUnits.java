package cn.smartunion.membership.org.domain;

import java.util.Optional;

/** Where organisation units are kept. */
public interface OrgUnits {

    /** Stores a newly registered unit together with its event; fails with {@link DuplicateOrgPath} if the path exists. */
    void add(OrgUnit.Registered registration);

    Optional<OrgUnit> findByPath(OrgPath path);

    /** The unit with this id if it lies within {@code scope}; a unit outside it is not found. */
    Optional<OrgUnit> findWithin(String id, OrgPath scope);

    /** Units within {@code scope} (the scope itself included), ordered by path. */
    PageOf<OrgUnit> listWithin(OrgPath scope, int page, int size);

    record PageOf<T>(java.util.List<T> items, int page, int size, long totalItems) {
    }

    class DuplicateOrgPath extends RuntimeException {
        public DuplicateOrgPath(OrgPath path) {
            super("an organisation with path " + path + " already exists");
        }
    }
}
