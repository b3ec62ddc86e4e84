package cn.smartunion.membership.enrolment.application.roster;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Rows of the first worksheet of an XLSX workbook, streamed with fastexcel-reader (StAX over the sheet XML; shared
 * strings are read lazily), so a 100,000-row roster is never held as a whole. Row numbers are the sheet's own.
 */
final class XlsxRows implements RowSource {

    private final ReadableWorkbook workbook;
    private final Stream<Row> rows;
    private final Iterator<Row> iterator;
    private final int maxCells;
    private final int maxCellLength;

    XlsxRows(InputStream in, int maxCells, int maxCellLength) throws IOException {
        this.maxCells = maxCells;
        this.maxCellLength = maxCellLength;
        try {
            this.workbook = new ReadableWorkbook(in);
            Sheet sheet = workbook.getFirstSheet();
            this.rows = sheet.openStream();
            this.iterator = rows.iterator();
        } catch (ExcelReaderException | IllegalStateException | UncheckedIOException | IOException unreadable) {
            throw new RosterFileProblem(RosterFileProblem.Kind.UNREADABLE);
        }
    }

    @Override
    public RawRow next() {
        Row row;
        try {
            if (!iterator.hasNext()) {
                return null;
            }
            row = iterator.next();
        } catch (ExcelReaderException | IllegalStateException | UncheckedIOException unreadable) {
            throw new RosterFileProblem(RosterFileProblem.Kind.UNREADABLE);
        }
        int count = row.getCellCount();
        if (count > maxCells) {
            // trailing formatted but empty cells are common: only cells with content count
            count = lastNonEmpty(row) + 1;
            if (count > maxCells) {
                throw new RosterFileProblem(RosterFileProblem.Kind.TOO_MANY_COLUMNS, row.getRowNum(), maxCells);
            }
        }
        String[] cells = new String[count];
        for (int i = 0; i < count; i++) {
            String text = text(row.getCell(i));
            if (text.length() > maxCellLength) {
                throw new RosterFileProblem(RosterFileProblem.Kind.CELL_TOO_LONG, row.getRowNum(), maxCellLength);
            }
            cells[i] = text;
        }
        return new RawRow(row.getRowNum(), cells);
    }

    private static int lastNonEmpty(Row row) {
        for (int i = row.getCellCount() - 1; i >= 0; i--) {
            if (!text(row.getCell(i)).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A cell as the text a person sees for identifiers: numbers without exponent or trailing zeros (a phone number
     * typed into a number cell reads {@code 13812345678}), formulas by their cached value.
     */
    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case STRING -> cell.asString() == null ? "" : cell.asString();
            case NUMBER -> plainNumber(cell.getRawValue());
            case BOOLEAN, FORMULA -> cell.getRawValue() == null ? "" : cell.getRawValue();
            case EMPTY, ERROR -> "";
        };
    }

    private static String plainNumber(String raw) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        try {
            BigDecimal number = new BigDecimal(raw.strip());
            return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException notANumber) {
            return raw;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            rows.close();
        } finally {
            workbook.close();
        }
    }
}
