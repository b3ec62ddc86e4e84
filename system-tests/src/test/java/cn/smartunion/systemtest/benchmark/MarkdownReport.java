package cn.smartunion.systemtest.benchmark;

import java.util.List;
import java.util.Locale;

/** The harness's report as Markdown: headings, paragraphs and tables, in the order they are added. */
final class MarkdownReport {

    private final StringBuilder text = new StringBuilder();

    MarkdownReport heading(int level, String title) {
        text.append("#".repeat(level)).append(' ').append(title).append("\n\n");
        return this;
    }

    MarkdownReport paragraph(String paragraph) {
        text.append(paragraph).append("\n\n");
        return this;
    }

    MarkdownReport bullets(List<String> items) {
        items.forEach(item -> text.append("- ").append(item).append('\n'));
        text.append('\n');
        return this;
    }

    MarkdownReport code(String code) {
        text.append("```\n").append(code).append("\n```\n\n");
        return this;
    }

    MarkdownReport table(List<String> header, List<List<String>> rows) {
        row(header);
        text.append('|');
        header.forEach(cell -> text.append(cell.equals(header.get(0)) ? " --- |" : " ---: |"));
        text.append('\n');
        rows.forEach(this::row);
        text.append('\n');
        return this;
    }

    private void row(List<String> cells) {
        text.append('|');
        cells.forEach(cell -> text.append(' ').append(cell.replace("|", "\\|")).append(" |"));
        text.append('\n');
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /** A figure with the given decimals, or an em dash when there is none. */
    static String number(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "—";
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    /** {@code a / b} as "1.23×", an em dash when it cannot be formed. */
    static String ratio(double a, double b) {
        return b == 0 || Double.isNaN(a) || Double.isNaN(b) ? "—" : number(a / b, 2) + "×";
    }
}
