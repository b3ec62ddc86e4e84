package cn.smartunion.membership.enrolment.application.roster;

/**
 * One row of a roster as read, before validation: its row number as a spreadsheet shows it (the header is row 1 in
 * a file that starts with it) and its cells. Holds personal data: never log it.
 */
public final class RawRow {

    private final int number;
    private final String[] cells;

    public RawRow(int number, String[] cells) {
        this.number = number;
        this.cells = cells;
    }

    public int number() {
        return number;
    }

    public int size() {
        return cells.length;
    }

    /** The cell at {@code index}, stripped; empty when the row is shorter. */
    public String cell(int index) {
        if (index < 0 || index >= cells.length || cells[index] == null) {
            return "";
        }
        return cells[index].strip();
    }

    public boolean blank() {
        for (String cell : cells) {
            if (cell != null && !cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "RawRow[" + number + "]";
    }
}
