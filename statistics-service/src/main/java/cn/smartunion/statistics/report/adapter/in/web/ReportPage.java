package cn.smartunion.statistics.report.adapter.in.web;

import cn.smartunion.statistics.metrics.domain.Figure;
import cn.smartunion.statistics.metrics.domain.Metric;
import cn.smartunion.statistics.report.application.ReportQueries;

import java.math.BigDecimal;
import java.util.List;

import static cn.smartunion.statistics.report.adapter.in.web.Html.escape;

/**
 * The report page, server-rendered: a masthead with the union's name and the period, headline figure cards, a bar
 * chart per main figure across the unions below, new members month by month for a year. Every text is escaped; the
 * markup is also well-formed XML, so a test can read it with an XML parser. Hooks for tests (keep them stable):
 * {@code data-metric}/{@code data-value} on cards, {@code data-chart} on charts, {@code data-org-path} or
 * {@code data-month} with {@code data-value} on bars, {@code data-period} on the period.
 */
final class ReportPage {

    static final String STYLESHEET = "report.css";

    private ReportPage() {
    }

    static String render(ReportQueries.Report report) {
        String name = report.union().name() == null ? report.union().path() : report.union().name();
        String period = ReportNumbers.period(report.period());
        StringBuilder html = new StringBuilder(32_768);
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\">\n<head>\n")
                .append("<meta charset=\"UTF-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(escape(name)).append(' ').append(escape(period))
                .append("工会工作主要数据</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(STYLESHEET).append("\"/>\n")
                .append("</head>\n<body>\n<main class=\"report\">\n");
        masthead(html, report, name, period);
        headlines(html, report);
        charts(html, report);
        months(html, report);
        html.append("<footer class=\"notes\"><p>口径说明：人次按每次服务计，人按不同人员去重计，户按家庭去重计，件按案件或工单计，")
                .append("金额以元计（保留两位小数），一万及以上同时以“万”表示。会员总数、创新工作室数为期末时点数，其余为期间累计数；")
                .append("参赛职工人次、参赛单位数已扣除期末前退赛或取消资格的报名，荣誉数已扣除期末前撤销的荣誉。")
                .append("数据来源：各业务系统领域事件，统计范围为本级及所属各级工会。</p></footer>\n")
                .append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void masthead(StringBuilder html, ReportQueries.Report report, String name, String period) {
        html.append("<header class=\"masthead\">\n<p class=\"kicker\">数说工会</p>\n<h1>").append(escape(name))
                .append("</h1>\n<p class=\"period\" data-period=\"").append(escape(report.period().label()))
                .append("\">").append(escape(period)).append("工会工作主要数据</p>\n")
                .append("<p class=\"scope\">统计范围：").append(escape(name)).append("及所属各级工会　数据截至")
                .append(escape(ReportNumbers.day(report.period().asOf()))).append("</p>\n</header>\n");
    }

    private static void headlines(StringBuilder html, ReportQueries.Report report) {
        html.append("<section class=\"headlines\">\n<h2>主要数据</h2>\n<div class=\"cards\">\n");
        for (Figure figure : report.headlines()) {
            ReportNumbers.Shown shown = ReportNumbers.shown(figure);
            html.append("<div class=\"card\" data-metric=\"").append(escape(figure.metric().code()))
                    .append("\" data-value=\"").append(escape(ReportNumbers.plain(figure))).append("\">")
                    .append("<p class=\"card-label\">").append(escape(headline(figure.metric()))).append("</p>")
                    .append("<p class=\"card-figure\"><span class=\"number\">").append(escape(shown.number()))
                    .append("</span><span class=\"unit\">").append(escape(shown.unit())).append("</span></p>");
            if (shown.exact() != null) {
                html.append("<p class=\"card-exact\">").append(escape(shown.exact())).append("</p>");
            }
            if (figure.metric().stock()) {
                html.append("<p class=\"card-note\">期末时点数</p>");
            }
            html.append("</div>\n");
        }
        html.append("</div>\n</section>\n");
    }

    private static void charts(StringBuilder html, ReportQueries.Report report) {
        html.append("<section class=\"by-union\">\n<h2>所属工会分项数据</h2>\n");
        if (report.charts().isEmpty()) {
            html.append("<p class=\"empty\">").append(escape(report.union().name()))
                    .append("无下级工会，不分列。</p>\n");
        }
        for (ReportQueries.Chart chart : report.charts()) {
            String caption = chartTitle(chart.metric());
            List<SvgBarCharts.Bar> bars = chart.bars().stream().map(bar -> new SvgBarCharts.Bar(
                    bar.union().name() == null ? bar.union().path() : bar.union().name(), "data-org-path",
                    bar.union().path(), ReportNumbers.plain(bar.figure()), value(bar.figure()))).toList();
            html.append("<figure class=\"chart-block\">\n<figcaption>").append(escape(caption))
                    .append("<span class=\"chart-unit\">单位：").append(escape(chart.metric().unit().symbol()))
                    .append("</span></figcaption>\n")
                    .append(SvgBarCharts.horizontal(chart.metric().code(), caption, chart.metric().unit(), bars))
                    .append("\n</figure>\n");
        }
        html.append("</section>\n");
    }

    private static void months(StringBuilder html, ReportQueries.Report report) {
        if (report.newMembersByMonth().isEmpty()) {
            return;
        }
        List<SvgBarCharts.Bar> bars = report.newMembersByMonth().stream().map(month -> new SvgBarCharts.Bar(
                month.month().getMonthValue() + "月", "data-month", month.month().toString(),
                ReportNumbers.plain(month.figure()), value(month.figure()))).toList();
        String caption = report.period().from().getYear() + "年各月新发展会员";
        html.append("<section class=\"monthly\">\n<h2>新发展会员月度情况</h2>\n<figure class=\"chart-block\">\n")
                .append("<figcaption>").append(escape(caption)).append("<span class=\"chart-unit\">单位：人</span>")
                .append("</figcaption>\n")
                .append(SvgBarCharts.columns(Metric.NEW_MEMBERS.code(), caption, Metric.NEW_MEMBERS.unit(), bars))
                .append("\n</figure>\n</section>\n");
    }

    private static BigDecimal value(Figure figure) {
        return figure.value() == null ? BigDecimal.ZERO : figure.value();
    }

    /** Card labels as the annual report prints them. */
    static String headline(Metric metric) {
        return switch (metric) {
            case MEMBERS -> "会员总数";
            case NEW_MEMBERS -> "新发展会员";
            case NEW_MEMBERS_NEW_FORM -> "新就业形态劳动者入会";
            case AID_FUNDS -> "帮扶资金投入";
            case CONDOLENCE_PERSON_TIMES -> "慰问职工";
            case HOUSEHOLDS_FILED -> "建档困难职工";
            case DISPUTES_OPENED -> "劳动争议受理";
            case DISPUTES_CLOSED -> "劳动争议办结";
            case DISPUTE_RECOVERED -> "挽回经济损失";
            case MEDIATION_SUCCESS_RATE -> "调解成功率";
            case WORK_ORDER_CALLS -> "12351热线来电";
            case LEGAL_AID_CASES -> "法律援助";
            case PARTICIPANT_TIMES -> "参赛职工";
            case HONOURS -> "荣获各类荣誉";
            case STUDIOS -> "创新工作室";
            default -> metric.label();
        };
    }

    private static String chartTitle(Metric metric) {
        return switch (metric) {
            case MEMBERS -> "会员总数（期末）";
            case NEW_MEMBERS -> "新发展会员";
            case AID_FUNDS -> "帮扶资金投入";
            case DISPUTES_OPENED -> "劳动争议受理";
            case DISPUTE_RECOVERED -> "挽回经济损失";
            case PARTICIPANT_TIMES -> "参赛职工人次";
            default -> metric.label();
        };
    }
}
