package cn.smartunion.aid.programme.domain;

import java.util.regex.Pattern;

/** How a programme's cycles are named: a year ({@code 2026}) or a season of a year ({@code 2026-SUMMER}). */
public enum CycleKind {
    YEAR(Pattern.compile("20[0-9]{2}")),
    SEASON(Pattern.compile("20[0-9]{2}-(SPRING|SUMMER|AUTUMN|WINTER)"));

    private final Pattern format;

    CycleKind(Pattern format) {
        this.format = format;
    }

    public boolean accepts(String cycle) {
        return cycle != null && format.matcher(cycle).matches();
    }

    public String example() {
        return this == YEAR ? "2026" : "2026-SUMMER";
    }
}
