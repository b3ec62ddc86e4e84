package cn.smartunion.membership.org.application;

import cn.smartunion.membership.org.domain.MemberPlacements;
import cn.smartunion.membership.org.domain.OrgPath;
import cn.smartunion.membership.org.domain.OrgUnit;
import cn.smartunion.membership.org.domain.OrgUnits;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.stereotype.Service;

import java.util.Map;

/** Reading the tree: every read is limited to the caller's subtree in the query itself. */
@Service
public class OrgQueries {

    public static final int MAX_PAGE_SIZE = 200;

    private final OrgUnits units;
    private final MemberPlacements members;

    public OrgQueries(OrgUnits units, MemberPlacements members) {
        this.units = units;
        this.members = members;
    }

    /** The unit if it lies in the caller's subtree (dissolved ones included); otherwise not found. */
    public OrgUnit get(String id, OrgPrincipal caller) {
        return units.findWithin(id, OrgRegistration.scopeOf(caller))
                .orElseThrow(() -> new NotFoundException("organisation not found"));
    }

    /** The unit with its counts. */
    public OrgDetails details(String id, OrgPrincipal caller) {
        OrgUnit unit = get(id, caller);
        return new OrgDetails(unit, members.countAt(unit.id()), units.countActiveUnitsUnder(unit.id()));
    }

    /**
     * Units in the subtree of {@code underId} (the caller's own subtree when null), ordered by path, with their
     * member counts.
     */
    public OrgUnits.PageOf<OrgListItem> list(OrgPrincipal caller, String underId, OrgUnits.ListFilter filter,
                                            int page, int size) {
        OrgPath subtree = underId == null ? OrgRegistration.scopeOf(caller) : get(underId, caller).path();
        OrgUnits.PageOf<OrgUnit> units = this.units.listWithin(subtree, filter, page, Math.min(size, MAX_PAGE_SIZE));
        Map<String, Long> counts = members.countsAt(units.items().stream().map(OrgUnit::id).toList());
        return new OrgUnits.PageOf<>(units.items().stream()
                .map(unit -> new OrgListItem(unit, counts.getOrDefault(unit.id(), 0L))).toList(),
                units.page(), units.size(), units.totalItems());
    }

    /**
     * @param memberCount      members who count for this unit (active and retained)
     * @param activeUnitsBelow units directly under it that are not dissolved
     */
    public record OrgDetails(OrgUnit unit, long memberCount, long activeUnitsBelow) {
    }

    public record OrgListItem(OrgUnit unit, long memberCount) {
    }
}
