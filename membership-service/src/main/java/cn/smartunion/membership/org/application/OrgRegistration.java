package cn.smartunion.membership.org.application;

import cn.smartunion.membership.org.domain.OrgPath;
import cn.smartunion.membership.org.domain.OrgType;
import cn.smartunion.membership.org.domain.OrgUnit;
import cn.smartunion.membership.org.domain.OrgUnits;
import cn.smartunion.runtime.problem.ConflictException;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.UUID;

/** Registering organisations: a union admin adds units anywhere in their own part of the tree. */
@Service
public class OrgRegistration {

    static final String ADMIN_ROLE = "union-admin";

    private final OrgUnits units;
    private final Clock clock;

    public OrgRegistration(OrgUnits units, Clock clock) {
        this.units = units;
        this.clock = clock;
    }

    public OrgUnit register(RegisterOrg command, OrgPrincipal caller) {
        OrgUnit parent = units.findWithin(command.parentId(), scopeOf(caller))
                .orElseThrow(() -> new NotFoundException("parent organisation not found"));
        if (!caller.hasRole(ADMIN_ROLE)) {
            throw new AccessDeniedException("registering organisations needs the " + ADMIN_ROLE + " role");
        }
        return store(parent.registerChild(newId(), command.code(), command.name(), command.orgType(), clock.instant()));
    }

    /** Creates the root of the tree when it does not exist yet; used to set up an installation. */
    public OrgUnit registerRootIfAbsent(String code, String name, OrgType type) {
        return units.findByPath(OrgPath.root(code))
                .orElseGet(() -> store(OrgUnit.registerRoot(newId(), code, name, type, clock.instant())));
    }

    /** Creates a unit under the unit at {@code parentPath} when it does not exist yet; used to set up an installation. */
    public OrgUnit registerChildIfAbsent(OrgPath parentPath, String code, String name, OrgType type) {
        OrgUnit parent = units.findByPath(parentPath)
                .orElseThrow(() -> new NotFoundException("parent organisation not found"));
        return units.findByPath(parentPath.child(code))
                .orElseGet(() -> store(parent.registerChild(newId(), code, name, type, clock.instant())));
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
        if (caller.orgPath() == null) {
            throw new AccessDeniedException("the caller belongs to no union organisation");
        }
        return new OrgPath(caller.orgPath());
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
