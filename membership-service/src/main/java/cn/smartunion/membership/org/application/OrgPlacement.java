package cn.smartunion.membership.org.application;

import cn.smartunion.membership.org.domain.OrgPath;
import cn.smartunion.membership.org.domain.OrgUnit;
import cn.smartunion.membership.org.domain.OrgUnits;
import cn.smartunion.runtime.problem.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;

/**
 * What happens after a unit was written under a parent (registered or moved there). Without multi-document
 * transactions the parent may have been dissolved or moved in the meantime; telling the parent that a unit arrived
 * ({@link OrgUnits#notePlacedUnder}) makes a dissolution computed before fail, and answers the parent's current
 * state, so the unit can be re-aligned or the placement undone.
 */
@Component
public class OrgPlacement {

    private static final Logger log = LoggerFactory.getLogger(OrgPlacement.class);
    private static final int ALIGN_ATTEMPTS = 3;

    private final OrgUnits units;
    private final Clock clock;

    public OrgPlacement(OrgUnits units, Clock clock) {
        this.units = units;
        this.clock = clock;
    }

    /** @return false when the parent was dissolved meanwhile: the caller undoes the placement */
    boolean settle(OrgUnit placed) {
        Optional<OrgPath> parentPath = units.notePlacedUnder(placed.parentId());
        if (parentPath.isEmpty()) {
            return false;
        }
        if (!parentPath.get().child(placed.code()).equals(placed.path())) {
            log.info("org {}: parent moved while the unit was placed, re-aligning it", placed.id());
            align(placed.id());
        }
        return true;
    }

    /** Puts the unit (and its subtree) under its parent's current path; an {@code OrgMoved} tells the others. */
    void align(String id) {
        for (int attempt = 0; attempt < ALIGN_ATTEMPTS; attempt++) {
            OrgUnit unit = units.findById(id).orElseThrow();
            OrgUnit parent = units.findById(unit.parentId()).orElseThrow();
            Optional<OrgUnit.Moved> move = unit.moveUnder(parent, clock.instant());
            if (move.isEmpty()) {
                return;
            }
            try {
                units.save(move.get());
                units.finishReorganisation(id);
                return;
            } catch (OrgUnits.StaleOrgUnit rescopedMeanwhile) {
                // the parent's own re-pathing reached the unit first: read it again
            }
        }
        throw new ConflictException("this part of the tree is being reorganised; try again shortly");
    }
}
