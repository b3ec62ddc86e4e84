package cn.smartunion.membership.enrolment.application.roster;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 rows from text: quoted cells may hold the delimiter, doubled quotes and line breaks; lines end with LF or
 * CRLF. The delimiter (comma, tab as in Excel's "Unicode text", or semicolon) is taken from the first line. Each
 * record is one spreadsheet row, so row numbers match what Excel shows for the same file.
 */
final class CsvRows implements RowSource {

    private static final int SNIFF_CHARS = 8192;

    private final Reader reader;
    private final int maxCells;
    private final int maxCellLength;
    private final char[] buffer = new char[16384];
    private int position;
    private int limit;
    private char delimiter;
    private boolean sniffed;
    private boolean ended;
    private int rowNumber;

    CsvRows(Reader reader, int maxCells, int maxCellLength) {
        this.reader = reader;
        this.maxCells = maxCells;
        this.maxCellLength = maxCellLength;
    }

    @Override
    public RawRow next() throws IOException {
        if (!sniffed) {
            sniffDelimiter();
        }
        if (ended) {
            return null;
        }
        rowNumber++;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean cellStarted = false;
        while (true) {
            int c = read();
            if (c < 0) {
                ended = true;
                if (!cellStarted && cells.isEmpty() && cell.isEmpty()) {
                    return null;
                }
                cells.add(cell.toString());
                return new RawRow(rowNumber, cells.toArray(String[]::new));
            }
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    if (peek() == '"') {
                        read();
                        append(cell, '"');
                    } else {
                        quoted = false;
                    }
                } else {
                    append(cell, ch);
                }
                continue;
            }
            if (ch == '"' && cell.isEmpty()) {
                quoted = true;
                cellStarted = true;
            } else if (ch == delimiter) {
                addCell(cells, cell);
                cellStarted = true;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && peek() == '\n') {
                    read();
                }
                addCell(cells, cell);
                return new RawRow(rowNumber, cells.toArray(String[]::new));
            } else {
                append(cell, ch);
                cellStarted = true;
            }
        }
    }

    private void addCell(List<String> cells, StringBuilder cell) {
        if (cells.size() >= maxCells) {
            throw new RosterFileProblem(RosterFileProblem.Kind.TOO_MANY_COLUMNS, rowNumber, maxCells);
        }
        cells.add(cell.toString());
        cell.setLength(0);
    }

    private void append(StringBuilder cell, char ch) {
        if (cell.length() >= maxCellLength) {
            throw new RosterFileProblem(RosterFileProblem.Kind.CELL_TOO_LONG, rowNumber, maxCellLength);
        }
        cell.append(ch);
    }

    /** Counts delimiters outside quotes on the first line; the most frequent wins, comma when none is found. */
    private void sniffDelimiter() throws IOException {
        sniffed = true;
        fill(SNIFF_CHARS);
        int commas = 0;
        int tabs = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = position; i < limit; i++) {
            char ch = buffer[i];
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && (ch == '\n' || ch == '\r')) {
                break;
            } else if (!quoted) {
                switch (ch) {
                    case ',' -> commas++;
                    case '\t' -> tabs++;
                    case ';' -> semicolons++;
                    default -> { }
                }
            }
        }
        delimiter = tabs > commas && tabs >= semicolons ? '\t' : semicolons > commas ? ';' : ',';
    }

    /** Reads until at least {@code wanted} characters are buffered or the text ends. */
    private void fill(int wanted) throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        while (limit < Math.min(wanted, buffer.length)) {
            int n = reader.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                return;
            }
            limit += n;
        }
    }

    private int read() throws IOException {
        if (position == limit) {
            fill(1);
            if (position == limit) {
                return -1;
            }
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == limit) {
            fill(1);
            if (position == limit) {
                return -1;
            }
        }
        return buffer[position];
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
