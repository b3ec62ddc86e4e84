package cn.smartunion.membership.org.application;

import cn.smartunion.membership.org.domain.OrgPath;
import cn.smartunion.membership.org.domain.OrgProfile;
import cn.smartunion.membership.org.domain.OrgType;
import cn.smartunion.membership.org.domain.OrgUnit;
import cn.smartunion.membership.org.domain.OrgUnits;
import cn.smartunion.runtime.problem.ConflictException;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Registering organisations: a union admin adds units anywhere in their own part of the tree. */
@Service
public class OrgRegistration {

    static final String PARENT_DISSOLVED = "PARENT_DISSOLVED";

    private final OrgUnits units;
    private final OrgPlacement placement;
    private final Clock clock;

    public OrgRegistration(OrgUnits units, OrgPlacement placement, Clock clock) {
        this.units = units;
        this.placement = placement;
        this.clock = clock;
    }

    public OrgUnit register(RegisterOrg command, OrgPrincipal caller) {
        OrgUnit parent = units.findWithin(command.parentId(), scopeOf(caller))
                .orElseThrow(() -> new NotFoundException("parent organisation not found"));
        OrgAccess.requireAdmin(caller, "registering organisations");
        if (units.reorganising(parent.path(), false)) {
            throw new ConflictException("this part of the tree is being reorganised; try again shortly");
        }
        return place(parent.registerChild(newId(), command.code(), command.name(), command.orgType(),
                command.profile(), clock.instant()));
    }

    /** Creates the root of the tree when it does not exist yet; used to set up an installation. */
    public OrgUnit registerRootIfAbsent(String code, String name, OrgType type) {
        return units.findByPath(OrgPath.root(code))
                .orElseGet(() -> store(OrgUnit.registerRoot(newId(), code, name, type, clock.instant())));
    }

    /** Creates a unit under the unit at {@code parentPath} when it does not exist yet; used to set up an installation. */
    public OrgUnit registerChildIfAbsent(OrgPath parentPath, String code, String name, OrgType type) {
        return registerChildIfAbsent(parentPath, code, name, type, OrgProfile.none());
    }

    /** As {@link #registerChildIfAbsent(OrgPath, String, String, OrgType)}, with what is known about the unit. */
    public OrgUnit registerChildIfAbsent(OrgPath parentPath, String code, String name, OrgType type,
                                         OrgProfile profile) {
        OrgUnit parent = units.findByPath(parentPath)
                .orElseThrow(() -> new NotFoundException("parent organisation not found"));
        return units.findByPath(parentPath.child(code))
                .orElseGet(() -> place(parent.registerChild(newId(), code, name, type, profile, clock.instant())));
    }

    /**
     * Stores the unit, then tells its parent. A parent dissolved in between gets no active unit under it: the new
     * unit is dissolved again at once (its two events say what happened) and the request is a conflict.
     */
    private OrgUnit place(OrgUnit.Registered registration) {
        OrgUnit unit = store(registration);
        if (!placement.settle(unit)) {
            undo(unit);
            throw new ConflictException("the parent organisation was dissolved while this one was registered");
        }
        return units.findById(unit.id()).orElse(unit);
    }

    private void undo(OrgUnit unit) {
        Instant now = clock.instant();
        long revision = units.childrenRevision(unit.id());
        OrgUnit current = units.findById(unit.id()).orElseThrow();
        units.save(current.dissolve(PARENT_DISSOLVED, LocalDate.ofInstant(now, OrgUnit.CHINA),
                units.countActiveUnitsUnder(unit.id()), 0, now), revision);
    }

    private OrgUnit store(OrgUnit.Registered registration) {
        try {
            units.add(registration);
        } catch (OrgUnits.DuplicateOrgPath e) {
            throw new ConflictException("an organisation with code " + registration.unit().code()
                    + " already exists under this parent");
        }
        return registration.unit();
    }

    static OrgPath scopeOf(OrgPrincipal caller) {
        return OrgAccess.scopeOf(caller);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
