package cn.smartunion.membership.org.application;

import cn.smartunion.membership.org.domain.MemberPlacements;
import cn.smartunion.membership.org.domain.OrgPath;
import cn.smartunion.membership.org.domain.OrgUnit;
import cn.smartunion.membership.org.domain.OrgUnits;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.time.Clock;

/**
 * Dissolving an organisation (撤销). It stays in the tree as history; nothing can be registered or moved under it.
 * A union's own record is dissolved by the level above it.
 */
@Service
public class OrgDissolution {

    private final OrgUnits units;
    private final MemberPlacements members;
    private final Clock clock;

    public OrgDissolution(OrgUnits units, MemberPlacements members, Clock clock) {
        this.units = units;
        this.members = members;
        this.clock = clock;
    }

    /** @param expectedVersion the revision the client read ({@code If-Match}), or null */
    public OrgUnit dissolve(DissolveOrg command, OrgPrincipal caller, Long expectedVersion) {
        OrgPath scope = OrgAccess.scopeOf(caller);
        OrgUnit unit = units.findWithin(command.orgId(), scope)
                .orElseThrow(() -> new NotFoundException("organisation not found"));
        OrgAccess.requireAdmin(caller, "dissolving organisations");
        if (unit.path().equals(scope)) {
            throw new AccessDeniedException("a union's own organisation is dissolved by the level above it");
        }
        OrgAccess.requireRevision(unit, expectedVersion);
        // read before counting: a unit placed under this one after the count moves the revision on
        long childrenRevision = units.childrenRevision(unit.id());
        OrgUnit.Dissolved dissolution = unit.dissolve(command.reasonCode(), command.effectiveOn(),
                units.countActiveUnitsUnder(unit.id()), members.countAt(unit.id()), clock.instant());
        try {
            units.save(dissolution, childrenRevision);
        } catch (OrgUnits.StaleOrgUnit e) {
            throw OrgAccess.changedMeanwhile(expectedVersion);
        }
        return dissolution.unit();
    }
}
