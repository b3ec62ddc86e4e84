package cn.smartunion.membership.enrolment.application;

import cn.smartunion.membership.org.domain.OrgPath;
import cn.smartunion.membership.org.domain.OrgProfile;
import cn.smartunion.membership.org.domain.OrgType;
import cn.smartunion.membership.org.domain.OrgUnit;
import cn.smartunion.membership.org.domain.OrgUnits;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The parts of the org tree roster validation and job submission read; writing is not theirs to do. */
record InMemoryOrgTree(List<OrgUnit> units) implements OrgUnits {

    static OrgUnit unit(String id, String code, String name, OrgType type, String parentId, String path,
                        String divisionCode) {
        return OrgUnit.restore(id, code, name, type, parentId, new OrgPath(path), divisionCode, OrgProfile.none(),
                Instant.EPOCH, Instant.EPOCH, null, 0);
    }

    @Override
    public Optional<OrgUnit> findByPath(OrgPath path) {
        return units.stream().filter(u -> u.path().equals(path)).findFirst();
    }

    @Override
    public Optional<OrgUnit> findById(String id) {
        return units.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    @Override
    public Optional<OrgUnit> findWithin(String id, OrgPath scope) {
        return findById(id).filter(u -> u.path().value().equals(scope.value())
                || u.path().value().startsWith(scope.value() + "/"));
    }

    @Override
    public PageOf<OrgUnit> listWithin(OrgPath subtree, ListFilter filter, int page, int size) {
        return new PageOf<>(List.of(), page, size, 0);
    }

    @Override
    public void add(OrgUnit.Registered registration) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void save(OrgUnit.Updated update) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void save(OrgUnit.Moved move) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void save(OrgUnit.Dissolved dissolution, long childrenRevision) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void finishReorganisation(String id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean reorganising(OrgPath path, boolean orBelow) {
        return false;
    }

    @Override
    public Optional<OrgPath> notePlacedUnder(String parentId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long childrenRevision(String id) {
        return 0;
    }

    @Override
    public long countActiveUnitsUnder(String id) {
        return 0;
    }
}
