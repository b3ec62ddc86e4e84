package cn.smartunion.membership.org.application;

import cn.smartunion.membership.org.domain.OrgUnit;
import cn.smartunion.membership.org.domain.OrgUnits;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.stereotype.Service;

/** Reading the tree: every read is limited to the caller's subtree in the query itself. */
@Service
public class OrgQueries {

    public static final int MAX_PAGE_SIZE = 200;

    private final OrgUnits units;

    public OrgQueries(OrgUnits units) {
        this.units = units;
    }

    public OrgUnit get(String id, OrgPrincipal caller) {
        return units.findWithin(id, OrgRegistration.scopeOf(caller))
                .orElseThrow(() -> new NotFoundException("organisation not found"));
    }

    public OrgUnits.PageOf<OrgUnit> subtree(OrgPrincipal caller, int page, int size) {
        return units.listWithin(OrgRegistration.scopeOf(caller), page, Math.min(size, MAX_PAGE_SIZE));
    }
}
