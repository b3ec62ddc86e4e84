package cn.smartunion.statistics.report.application;

import cn.smartunion.runtime.scope.OrgPrincipal;
import cn.smartunion.statistics.metrics.application.FigureQueries;
import cn.smartunion.statistics.metrics.application.MetricComputation;
import cn.smartunion.statistics.metrics.application.UnionTree;
import cn.smartunion.statistics.metrics.domain.Figure;
import cn.smartunion.statistics.metrics.domain.Metric;
import cn.smartunion.statistics.metrics.domain.Period;
import cn.smartunion.statistics.metrics.domain.PeriodKind;
import org.springframework.stereotype.Service;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The figures of the annual report page (数说工会): the headline figures of a union's subtree, the main ones again
 * for each union directly below it, and new members month by month when the period is a year. Read with the same
 * roles and scope as the figures.
 */
@Service
public class ReportQueries {

    /** The headline figures, in the order a union office prints them. */
    public static final List<Metric> HEADLINES = List.of(Metric.MEMBERS, Metric.NEW_MEMBERS,
            Metric.NEW_MEMBERS_NEW_FORM, Metric.AID_FUNDS, Metric.CONDOLENCE_PERSON_TIMES, Metric.HOUSEHOLDS_FILED,
            Metric.DISPUTES_OPENED, Metric.DISPUTES_CLOSED, Metric.DISPUTE_RECOVERED, Metric.MEDIATION_SUCCESS_RATE,
            Metric.WORK_ORDER_CALLS, Metric.LEGAL_AID_CASES, Metric.PARTICIPANT_TIMES, Metric.HONOURS,
            Metric.STUDIOS);

    /** The figures charted across the unions below. */
    public static final List<Metric> CHARTED = List.of(Metric.MEMBERS, Metric.NEW_MEMBERS, Metric.AID_FUNDS,
            Metric.DISPUTES_OPENED, Metric.DISPUTE_RECOVERED, Metric.PARTICIPANT_TIMES);

    private final FigureQueries figures;
    private final MetricComputation computation;
    private final UnionTree unions;

    public ReportQueries(FigureQueries figures, MetricComputation computation, UnionTree unions) {
        this.figures = figures;
        this.computation = computation;
        this.unions = unions;
    }

    public record Bar(UnionTree.Union union, Figure figure) {
    }

    public record Chart(Metric metric, List<Bar> bars) {
    }

    public record Month(YearMonth month, Figure figure) {
    }

    /** @param newMembersByMonth twelve months when the period is a year, else empty */
    public record Report(UnionTree.Union union, Period period, List<Figure> headlines, List<Chart> charts,
                         List<Month> newMembersByMonth) {
    }

    public Report report(OrgPrincipal caller, String orgPath, String period) {
        FigureQueries.Scope scope = figures.scope(caller, orgPath, period);
        String path = scope.union().path();
        Period p = scope.period();
        List<Figure> headlines = HEADLINES.stream().map(m -> computation.compute(m, path, p)).toList();
        List<UnionTree.Union> children = unions.childrenOf(path);
        List<String> childPaths = children.stream().map(UnionTree.Union::path).toList();
        List<Chart> charts = new ArrayList<>();
        if (!children.isEmpty()) {
            for (Metric metric : CHARTED) {
                Map<String, Figure> byChild = computation.computeByChild(metric, path, childPaths, p);
                charts.add(new Chart(metric, children.stream()
                        .map(child -> new Bar(child, byChild.get(child.path()))).toList()));
            }
        }
        List<Month> months = new ArrayList<>();
        if (p.kind() == PeriodKind.YEAR) {
            computation.computeByMonth(Metric.NEW_MEMBERS, path, p.from().getYear())
                    .forEach((month, figure) -> months.add(new Month(month, figure)));
        }
        return new Report(scope.union(), p, headlines, charts, months);
    }
}
