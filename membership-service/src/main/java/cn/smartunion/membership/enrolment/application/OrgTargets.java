package cn.smartunion.membership.enrolment.application;

import cn.smartunion.membership.org.domain.OrgPath;
import cn.smartunion.membership.org.domain.OrgRuleViolation;
import cn.smartunion.membership.org.domain.OrgUnits;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The union a roster row enrols into: the job's own org when the row names none, otherwise the org the row names,
 * which must be the job's org or lie below it. A row names an org by id ({@code orgId} column) or by code
 * ({@code orgCode} column): a code, or codes joined by {@code /}, is read below the job's org ({@code Y0001} is a
 * child, {@code Y0001/T01} a grandchild); a full path from the root must start with the job's path. Lookups are
 * cached for the job: rosters name few orgs, many times.
 */
final class OrgTargets {

    private static final int CACHE_LIMIT = 10_000;

    private final OrgUnits units;
    private final Target own;
    private final OrgPath scope;
    private final Map<String, Optional<Target>> byCode = new HashMap<>();
    private final Map<String, Optional<Target>> byId = new HashMap<>();

    OrgTargets(OrgUnits units, String jobOrgId, String jobOrgPath) {
        this.units = units;
        this.own = new Target(jobOrgId, jobOrgPath);
        this.scope = new OrgPath(jobOrgPath);
    }

    /** @return empty when the named org does not exist at or below the job's org */
    Optional<Target> resolve(String orgIdCell, String orgCodeCell) {
        if (!orgIdCell.isEmpty()) {
            return cached(byId, orgIdCell, () -> byId(orgIdCell));
        }
        if (!orgCodeCell.isEmpty()) {
            return cached(byCode, orgCodeCell, () -> byCode(orgCodeCell));
        }
        return Optional.of(own);
    }

    private Optional<Target> byId(String id) {
        if (id.equals(own.orgId())) {
            return Optional.of(own);
        }
        return units.findWithin(id, scope).map(u -> new Target(u.id(), u.path().value()));
    }

    private Optional<Target> byCode(String code) {
        String own = this.own.orgPath();
        String path;
        if (code.equals(own) || code.equals(own.substring(own.lastIndexOf('/') + 1))) {
            return Optional.of(this.own);
        } else if (code.startsWith(own + "/")) {
            path = code;
        } else if (code.contains("/") && code.startsWith(rootOf(own) + "/")) {
            return Optional.empty();
        } else {
            path = own + "/" + code;
        }
        try {
            return units.findByPath(new OrgPath(path)).map(u -> new Target(u.id(), u.path().value()));
        } catch (OrgRuleViolation notAPath) {
            return Optional.empty();
        }
    }

    private static String rootOf(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash);
    }

    private static Optional<Target> cached(Map<String, Optional<Target>> cache, String key,
                                           java.util.function.Supplier<Optional<Target>> lookup) {
        Optional<Target> known = cache.get(key);
        if (known != null) {
            return known;
        }
        Optional<Target> found = lookup.get();
        if (cache.size() < CACHE_LIMIT) {
            cache.put(key, found);
        }
        return found;
    }

    record Target(String orgId, String orgPath) {
    }
}
