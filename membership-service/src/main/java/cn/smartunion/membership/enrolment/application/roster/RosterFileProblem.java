package cn.smartunion.membership.enrolment.application.roster;

import java.util.List;

/**
 * A roster that cannot be imported as a whole: empty, without a recognisable header, too large, unreadable. The
 * arguments are column names, limits and row numbers, never cell content.
 */
public class RosterFileProblem extends RuntimeException {

    private final Kind kind;
    private final List<Object> arguments;

    public RosterFileProblem(Kind kind, Object... arguments) {
        super(kind.name() + " " + List.of(arguments));
        this.kind = kind;
        this.arguments = List.of(arguments);
    }

    public Kind kind() {
        return kind;
    }

    /** Message arguments, in the order the localised message for {@link #kind()} expects them. */
    public List<Object> arguments() {
        return arguments;
    }

    public enum Kind {
        /** No bytes, or nothing but blank lines. */
        EMPTY_FILE,
        /** The first non-blank row names none of the known columns (a roster without a header row). */
        NO_HEADER,
        /** Required columns are absent: argument 0 lists their Chinese headers. */
        MISSING_COLUMNS,
        /** Two columns name the same field: argument 0 is the field. */
        DUPLICATE_COLUMN,
        /** A header but no data rows. */
        NO_DATA_ROWS,
        /** More data rows than allowed: argument 0 is the limit. */
        TOO_MANY_ROWS,
        /** A row with more columns than allowed: argument 0 is the row, 1 the limit. */
        TOO_MANY_COLUMNS,
        /** A cell longer than any field allows (often an unclosed quote): argument 0 is the row, 1 the limit. */
        CELL_TOO_LONG,
        /** Legacy .xls, an encrypted workbook, or another binary format. */
        UNSUPPORTED_FORMAT,
        /** Not a readable CSV or XLSX (a corrupt workbook). */
        UNREADABLE
    }
}
