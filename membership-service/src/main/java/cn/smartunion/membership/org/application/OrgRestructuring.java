package cn.smartunion.membership.org.application;

import cn.smartunion.membership.org.domain.OrgPath;
import cn.smartunion.membership.org.domain.OrgUnit;
import cn.smartunion.membership.org.domain.OrgUnits;
import cn.smartunion.runtime.problem.ConflictException;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Optional;

/**
 * Moving part of the tree: the unit gets its new path, its event and a rescope marker in one write; the units below
 * follow in batches (conditional on their old path, so a repetition changes nothing); the marker goes last. A crash
 * in between leaves the marker, which the runtime's sweeper finishes at start-up or on its next pass.
 */
@Service
public class OrgRestructuring {

    private static final Logger log = LoggerFactory.getLogger(OrgRestructuring.class);

    private final OrgUnits units;
    private final OrgPlacement placement;
    private final Clock clock;

    public OrgRestructuring(OrgUnits units, OrgPlacement placement, Clock clock) {
        this.units = units;
        this.placement = placement;
        this.clock = clock;
    }

    /**
     * Both the unit and its new parent must lie within the caller's part of the tree (otherwise: not found).
     *
     * @param expectedVersion the revision the client read ({@code If-Match}), or null
     * @return the unit at its new place; unchanged when it is there already
     */
    public OrgUnit move(MoveOrg command, OrgPrincipal caller, Long expectedVersion) {
        OrgPath scope = OrgAccess.scopeOf(caller);
        OrgUnit unit = units.findWithin(command.orgId(), scope)
                .orElseThrow(() -> new NotFoundException("organisation not found"));
        OrgUnit newParent = units.findWithin(command.newParentId(), scope)
                .orElseThrow(() -> new NotFoundException("new parent organisation not found"));
        OrgAccess.requireAdmin(caller, "moving organisations");
        OrgAccess.requireRevision(unit, expectedVersion);
        if (units.reorganising(unit.path(), true) || units.reorganising(newParent.path(), false)) {
            throw new ConflictException("this part of the tree is being reorganised; try again shortly");
        }
        Optional<OrgUnit.Moved> move = unit.moveUnder(newParent, clock.instant());
        if (move.isEmpty()) {
            return unit;
        }
        try {
            units.save(move.get());
        } catch (OrgUnits.DuplicateOrgPath e) {
            throw new ConflictException("the new parent already has an organisation with code " + unit.code());
        } catch (OrgUnits.StaleOrgUnit e) {
            throw OrgAccess.changedMeanwhile(expectedVersion);
        }
        units.finishReorganisation(unit.id());
        if (!placement.settle(move.get().unit())) {
            moveBack(unit);
            throw new ConflictException("the new parent was dissolved meanwhile; the organisation stays where it was");
        }
        return units.findById(unit.id()).orElseThrow();
    }

    private void moveBack(OrgUnit before) {
        OrgUnit current = units.findById(before.id()).orElseThrow();
        Optional<OrgUnit> oldParent = units.findById(before.parentId()).filter(p -> !p.isDissolved());
        if (oldParent.isEmpty()) {
            log.error("org {}: new and old parent both dissolved during a move; it stays under the dissolved one",
                    before.id());
            return;
        }
        current.moveUnder(oldParent.get(), clock.instant()).ifPresent(back -> {
            units.save(back);
            units.finishReorganisation(before.id());
        });
    }
}
