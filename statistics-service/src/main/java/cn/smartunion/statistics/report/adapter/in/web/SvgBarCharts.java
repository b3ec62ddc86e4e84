package cn.smartunion.statistics.report.adapter.in.web;

import cn.smartunion.statistics.metrics.domain.MeasureUnit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import static cn.smartunion.statistics.report.adapter.in.web.Html.escape;

/**
 * Bar charts drawn as inline SVG by the service, styled only through the page's stylesheet (classes) and SVG
 * presentation attributes, so the page needs no script and no inline style. Every bar carries its plain value.
 */
final class SvgBarCharts {

    private static final int WIDTH = 720;
    private static final int LABEL_WIDTH = 170;
    private static final int VALUE_WIDTH = 120;
    private static final int ROW = 28;
    private static final int BAR = 18;
    private static final int LONGEST_LABEL = 11;

    private SvgBarCharts() {
    }

    /**
     * @param key      the bar's hook attribute and value ({@code data-org-path="…"} or {@code data-month="…"})
     * @param plain    the plain number of {@code data-value}
     * @param value    the number the bar's length follows
     */
    record Bar(String label, String keyAttribute, String key, String plain, BigDecimal value) {
    }

    /** One horizontal bar per union, labels on the left, values after the bars. */
    static String horizontal(String chart, String caption, MeasureUnit unit, List<Bar> bars) {
        BigDecimal max = max(bars);
        int height = 10 + bars.size() * ROW;
        int area = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        StringBuilder svg = open(chart, caption, height);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = 5 + i * ROW;
            int length = length(bar.value(), max, area);
            String shown = ReportNumbers.shown(bar.value(), unit).text();
            svg.append("<text class=\"bar-label\" x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(y + 18)
                    .append("\" text-anchor=\"end\">").append(escape(shorten(bar.label()))).append("</text>");
            svg.append("<rect class=\"bar\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 4)
                    .append("\" width=\"").append(length).append("\" height=\"").append(BAR).append("\" ")
                    .append(bar.keyAttribute()).append("=\"").append(escape(bar.key())).append("\" data-value=\"")
                    .append(escape(bar.plain())).append("\"><title>").append(escape(bar.label())).append("：")
                    .append(escape(shown)).append("</title></rect>");
            svg.append("<text class=\"bar-value\" x=\"").append(LABEL_WIDTH + length + 6).append("\" y=\"")
                    .append(y + 18).append("\">").append(escape(shown)).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** One column per month, month names below, values above the columns. */
    static String columns(String chart, String caption, MeasureUnit unit, List<Bar> bars) {
        BigDecimal max = max(bars);
        int height = 240;
        int baseline = height - 28;
        int area = baseline - 30;
        int left = 20;
        int slot = (WIDTH - 2 * left) / Math.max(1, bars.size());
        int column = Math.max(8, slot * 3 / 5);
        StringBuilder svg = open(chart, caption, height);
        svg.append("<line class=\"axis\" x1=\"").append(left).append("\" y1=\"").append(baseline).append("\" x2=\"")
                .append(WIDTH - left).append("\" y2=\"").append(baseline).append("\"/>");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int length = length(bar.value(), max, area);
            int x = left + i * slot + (slot - column) / 2;
            int centre = x + column / 2;
            String shown = ReportNumbers.shown(bar.value(), unit).number();
            svg.append("<rect class=\"bar\" x=\"").append(x).append("\" y=\"").append(baseline - length)
                    .append("\" width=\"").append(column).append("\" height=\"").append(length).append("\" ")
                    .append(bar.keyAttribute()).append("=\"").append(escape(bar.key())).append("\" data-value=\"")
                    .append(escape(bar.plain())).append("\"><title>").append(escape(bar.label())).append("：")
                    .append(escape(ReportNumbers.shown(bar.value(), unit).text())).append("</title></rect>");
            svg.append("<text class=\"bar-value\" x=\"").append(centre).append("\" y=\"")
                    .append(baseline - length - 6).append("\" text-anchor=\"middle\">").append(escape(shown))
                    .append("</text>");
            svg.append("<text class=\"bar-label\" x=\"").append(centre).append("\" y=\"").append(baseline + 20)
                    .append("\" text-anchor=\"middle\">").append(escape(bar.label())).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String chart, String caption, int height) {
        return new StringBuilder(2048).append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" data-chart=\"")
                .append(escape(chart)).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"").append(escape(caption)).append("\">");
    }

    private static BigDecimal max(List<Bar> bars) {
        return bars.stream().map(Bar::value).reduce(BigDecimal.ZERO, BigDecimal::max);
    }

    private static int length(BigDecimal value, BigDecimal max, int area) {
        if (max.signum() <= 0 || value.signum() <= 0) {
            return 0;
        }
        int length = value.multiply(BigDecimal.valueOf(area)).divide(max, 0, RoundingMode.HALF_UP).intValue();
        return Math.max(1, length);
    }

    private static String shorten(String label) {
        if (label == null) {
            return "";
        }
        return label.codePointCount(0, label.length()) <= LONGEST_LABEL ? label
                : label.substring(0, label.offsetByCodePoints(0, LONGEST_LABEL - 1)) + "…";
    }
}
