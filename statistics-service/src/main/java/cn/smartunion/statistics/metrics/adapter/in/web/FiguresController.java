package cn.smartunion.statistics.metrics.adapter.in.web;

import cn.smartunion.runtime.scope.OrgPrincipal;
import cn.smartunion.statistics.metrics.application.FigureQueries;
import cn.smartunion.statistics.metrics.application.UnionTree;
import cn.smartunion.statistics.metrics.domain.Figure;
import cn.smartunion.statistics.metrics.domain.Period;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Union statistics (数说) computed from the event streams, for analysts and union admins. {@code orgPath} names the
 * subtree (default: the caller's union; outside the caller's subtree is 404); {@code period} is {@code 2026-11-21},
 * {@code 2026-11}, {@code 2026} (the default: this year), {@code PLAN-15} or {@code 2026-01-01..2026-07-31}. Reads
 * only, so safe to repeat.
 */
@RestController
@RequestMapping("/api/statistics/v1/figures")
class FiguresController {

    private final FigureQueries queries;

    FiguresController(FigureQueries queries) {
        this.queries = queries;
    }

    /** Every metric for the subtree. */
    @GetMapping
    FiguresView figures(@AuthenticationPrincipal OrgPrincipal caller,
                        @RequestParam(required = false) String orgPath,
                        @RequestParam(required = false) String period) {
        FigureQueries.Figures figures = queries.figures(caller, orgPath, period);
        return new FiguresView(UnionView.of(figures.union()), PeriodView.of(figures.period()),
                figures.figures().stream().map(FigureView::of).toList());
    }

    /** One metric for each union directly below {@code orgPath} (a province's table by city). */
    @GetMapping("/{metric}/by-union")
    ByUnionView byUnion(@AuthenticationPrincipal OrgPrincipal caller, @PathVariable String metric,
                        @RequestParam(required = false) String orgPath,
                        @RequestParam(required = false) String period) {
        FigureQueries.ByUnion table = queries.byUnion(caller, metric, orgPath, period);
        return new ByUnionView(UnionView.of(table.union()), PeriodView.of(table.period()), table.metric().code(),
                table.metric().label(), table.metric().unit().symbol(),
                table.unions().stream().map(row -> new UnionRowView(UnionView.of(row.union()),
                        FigureView.of(row.figure()))).toList());
    }

    record FiguresView(UnionView union, PeriodView period, List<FigureView> figures) {
    }

    record ByUnionView(UnionView union, PeriodView period, String metric, String label, String unit,
                       List<UnionRowView> unions) {
    }

    record UnionRowView(UnionView union, FigureView figure) {
    }

    record UnionView(String orgId, String name, String orgPath, boolean dissolved) {
        static UnionView of(UnionTree.Union union) {
            return new UnionView(union.orgId(), union.name(), union.path(), union.dissolved());
        }
    }

    record PeriodView(String kind, String label, LocalDate from, LocalDate to) {
        static PeriodView of(Period period) {
            return new PeriodView(period.kind().name(), period.label(), period.from(), period.to());
        }
    }

    /** {@code value} for counts and amounts (yuan); {@code numerator}, {@code denominator}, {@code ratio} for rates. */
    record FigureView(String metric, String label, String unit, boolean stock, BigDecimal value, Long numerator,
                      Long denominator, BigDecimal ratio, BigDecimal percent, Map<String, BigDecimal> breakdown) {
        static FigureView of(Figure f) {
            var rate = f.rate();
            return new FigureView(f.metric().code(), f.metric().label(), f.metric().unit().symbol(),
                    f.metric().stock(), f.value(), rate == null ? null : rate.numerator(),
                    rate == null ? null : rate.denominator(), rate == null ? null : rate.ratio(),
                    rate == null ? null : rate.percent(), f.breakdown().isEmpty() ? null : f.breakdown());
        }
    }
}
