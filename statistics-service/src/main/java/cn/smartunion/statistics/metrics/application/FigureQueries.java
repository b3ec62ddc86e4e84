package cn.smartunion.statistics.metrics.application;

import cn.smartunion.runtime.problem.FieldRuleViolation;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import cn.smartunion.statistics.config.StatisticsProperties;
import cn.smartunion.statistics.metrics.domain.Figure;
import cn.smartunion.statistics.metrics.domain.InvalidPeriodException;
import cn.smartunion.statistics.metrics.domain.Metric;
import cn.smartunion.statistics.metrics.domain.Period;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The figures an analyst or a union admin may read: their own union's subtree or any union inside it, never a
 * sibling's (answered 404 like an unknown union).
 */
@Service
public class FigureQueries {

    public static final String[] READER_ROLES = {"analyst", "union-admin"};
    private static final Pattern ORG_PATH = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*");
    private static final int LONGEST_ORG_PATH = 512;

    private final MetricComputation computation;
    private final UnionTree unions;
    private final Clock clock;
    private final ZoneId zone;

    public FigureQueries(MetricComputation computation, UnionTree unions, Clock clock,
                         StatisticsProperties properties) {
        this.computation = computation;
        this.unions = unions;
        this.clock = clock;
        this.zone = properties.zone();
    }

    public record Figures(UnionTree.Union union, Period period, List<Figure> figures) {
    }

    public record UnionFigure(UnionTree.Union union, Figure figure) {
    }

    public record ByUnion(UnionTree.Union union, Period period, Metric metric, List<UnionFigure> unions) {
    }

    /** A union the caller may read and a period, checked as every query here checks them. */
    public record Scope(UnionTree.Union union, Period period) {
    }

    /**
     * @throws org.springframework.security.access.AccessDeniedException unless the caller reads figures
     * @throws NotFoundException                                           outside the caller's subtree
     * @throws FieldRuleViolation                                          for a malformed path or period
     */
    public Scope scope(OrgPrincipal caller, String orgPath, String period) {
        caller.requireAnyRole(READER_ROLES);
        return new Scope(unionWithin(caller, orgPath), period(period));
    }

    /** Every metric for the subtree at {@code orgPath} (default: the caller's union). */
    public Figures figures(OrgPrincipal caller, String orgPath, String period) {
        caller.requireAnyRole(READER_ROLES);
        UnionTree.Union union = unionWithin(caller, orgPath);
        Period p = period(period);
        List<Figure> figures = Arrays.stream(Metric.values()).map(m -> computation.compute(m, union.path(), p))
                .toList();
        return new Figures(union, p, figures);
    }

    /** One metric for each union directly below {@code orgPath}: a province's table by city. */
    public ByUnion byUnion(OrgPrincipal caller, String metricCode, String orgPath, String period) {
        caller.requireAnyRole(READER_ROLES);
        Metric metric = Metric.byCode(metricCode)
                .orElseThrow(() -> new FieldRuleViolation("metric", "no such metric"));
        UnionTree.Union union = unionWithin(caller, orgPath);
        Period p = period(period);
        List<UnionTree.Union> children = unions.childrenOf(union.path());
        Map<String, Figure> byChild = computation.computeByChild(metric, union.path(),
                children.stream().map(UnionTree.Union::path).toList(), p);
        List<UnionFigure> rows = children.stream()
                .map(child -> new UnionFigure(child, byChild.get(child.path())))
                .toList();
        return new ByUnion(union, p, metric, rows);
    }

    private UnionTree.Union unionWithin(OrgPrincipal caller, String orgPath) {
        String path = orgPath == null || orgPath.isBlank() ? caller.orgPath() : orgPath.strip();
        if (path.length() > LONGEST_ORG_PATH || !ORG_PATH.matcher(path).matches()) {
            throw new FieldRuleViolation("orgPath", "must be union codes joined by '/'");
        }
        caller.requireCovers(path, "union organisation not found");
        return unions.byPath(path).orElseThrow(() -> new NotFoundException("union organisation not found"));
    }

    /** Default: the current year in the reports' calendar. */
    private Period period(String text) {
        if (text == null || text.isBlank()) {
            return Period.year(LocalDate.now(clock.withZone(zone)).getYear());
        }
        try {
            return Period.parse(text);
        } catch (InvalidPeriodException e) {
            throw new FieldRuleViolation("period", e.getMessage());
        }
    }
}
