package cn.smartunion.membership.enrolment.application.roster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Which column holds which field, read from a roster's header row. */
public final class RosterHeader {

    private final int rowNumber;
    private final Map<RosterField, Integer> indexes;
    private final Map<RosterField, String> texts;
    private final List<String> ignored;

    private RosterHeader(int rowNumber, Map<RosterField, Integer> indexes, Map<RosterField, String> texts,
                         List<String> ignored) {
        this.rowNumber = rowNumber;
        this.indexes = indexes;
        this.texts = texts;
        this.ignored = List.copyOf(ignored);
    }

    /**
     * Maps a header row. A row that names no known column is not a header (the file probably starts with data);
     * a header without a required column, or naming a field twice, is refused.
     */
    public static RosterHeader of(RawRow row) {
        Map<RosterField, Integer> indexes = new EnumMap<>(RosterField.class);
        Map<RosterField, String> texts = new EnumMap<>(RosterField.class);
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
            String text = row.cell(i);
            if (text.isEmpty()) {
                continue;
            }
            var field = RosterField.forHeader(text);
            if (field.isEmpty()) {
                ignored.add(text.length() > 50 ? text.substring(0, 50) : text);
                continue;
            }
            if (indexes.putIfAbsent(field.get(), i) != null) {
                throw new RosterFileProblem(RosterFileProblem.Kind.DUPLICATE_COLUMN, field.get().chineseHeader());
            }
            texts.put(field.get(), text);
        }
        if (indexes.isEmpty()) {
            throw new RosterFileProblem(RosterFileProblem.Kind.NO_HEADER);
        }
        List<String> missing = new ArrayList<>();
        for (RosterField field : RosterField.values()) {
            if (field.required() && !indexes.containsKey(field)) {
                missing.add(field.chineseHeader() + "/" + field.fieldName());
            }
        }
        if (!missing.isEmpty()) {
            throw new RosterFileProblem(RosterFileProblem.Kind.MISSING_COLUMNS, String.join(", ", missing));
        }
        return new RosterHeader(row.number(), indexes, texts, ignored);
    }

    /** The stripped cell of {@code field} in {@code row}; empty when the roster has no such column. */
    public String value(RawRow row, RosterField field) {
        Integer index = indexes.get(field);
        return index == null ? "" : row.cell(index);
    }

    public boolean has(RosterField field) {
        return indexes.containsKey(field);
    }

    public int rowNumber() {
        return rowNumber;
    }

    /** Recognised columns in file order: field, header text, index. */
    public List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        indexes.forEach((field, index) -> columns.add(new Column(field, texts.get(field), index)));
        columns.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return Collections.unmodifiableList(columns);
    }

    public List<String> ignored() {
        return ignored;
    }

    public record Column(RosterField field, String header, int index) {
    }
}
