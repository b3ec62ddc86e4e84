package cn.smartunion.membership.org.application;

import cn.smartunion.membership.org.domain.OrgUnit;
import cn.smartunion.membership.org.domain.OrgUnits;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Optional;

/** Amending an organisation's record: name, industries, covered units, employees, dates. */
@Service
public class OrgAmendment {

    private final OrgUnits units;
    private final Clock clock;

    public OrgAmendment(OrgUnits units, Clock clock) {
        this.units = units;
        this.clock = clock;
    }

    /**
     * @param expectedVersion the revision the client read and changed (its {@code If-Match}); required by the API
     * @return the unit as it is now; unchanged (no revision, no event) when the record says the same
     */
    public OrgUnit update(UpdateOrg command, OrgPrincipal caller, Long expectedVersion) {
        OrgUnit unit = units.findWithin(command.orgId(), OrgAccess.scopeOf(caller))
                .orElseThrow(() -> new NotFoundException("organisation not found"));
        OrgAccess.requireAdmin(caller, "changing organisations");
        OrgAccess.requireRevision(unit, expectedVersion);
        Optional<OrgUnit.Updated> update = unit.update(command.name(), command.profile(), clock.instant());
        if (update.isEmpty()) {
            return unit;
        }
        try {
            units.save(update.get());
        } catch (OrgUnits.StaleOrgUnit e) {
            throw OrgAccess.changedMeanwhile(expectedVersion);
        }
        return update.get().unit();
    }
}
