package cn.smartunion.membership.enrolment.application.roster;

import cn.smartunion.membership.enrolment.domain.RosterFile;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads roster files: CSV (UTF-8, GBK/GB18030 or UTF-16, with or without byte-order mark; comma, tab or semicolon)
 * and XLSX (first worksheet). {@link #inspect} checks a whole upload once before a job is made of it; {@link #open}
 * streams its rows when the job runs.
 */
public final class RosterReader {

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private RosterReader() {
    }

    /**
     * Hashes the bytes, finds the format and text encoding, maps the header and counts the data rows (blank rows
     * are not counted): two sequential reads of {@code bytes}, nothing held but one row at a time.
     *
     * @throws RosterFileProblem when the file cannot be imported as a whole
     */
    public static Inspection inspect(Bytes bytes, Limits limits) throws IOException {
        MessageDigest sha256 = sha256();
        TextEncoding encoding = new TextEncoding();
        long size = 0;
        byte[] head = new byte[4];
        try (InputStream in = bytes.open()) {
            byte[] buffer = new byte[65536];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (size < 4) {
                    System.arraycopy(buffer, 0, head, (int) size, (int) Math.min(4 - size, n));
                }
                size += n;
                sha256.update(buffer, 0, n);
                encoding.update(buffer, 0, n);
            }
        }
        if (size == 0) {
            throw new RosterFileProblem(RosterFileProblem.Kind.EMPTY_FILE);
        }
        RosterFile.Format format = format(head, size);
        Charset charset = format == RosterFile.Format.CSV ? encoding.result().charset() : null;
        int dataRows = 0;
        RosterHeader header;
        try (DataRows rows = open(bytes.open(), format, charset, limits)) {
            header = rows.header();
            while (rows.next() != null) {
                dataRows++;
                if (dataRows > limits.maxRows()) {
                    throw new RosterFileProblem(RosterFileProblem.Kind.TOO_MANY_ROWS, limits.maxRows());
                }
            }
        }
        if (dataRows == 0) {
            throw new RosterFileProblem(RosterFileProblem.Kind.NO_DATA_ROWS);
        }
        return new Inspection(format, charset, HexFormat.of().formatHex(sha256.digest()), size, header, dataRows);
    }

    /**
     * Opens the rows of a roster inspected before, positioned after its header.
     *
     * @param charset the encoding found by {@link #inspect} for CSV; ignored for XLSX
     */
    public static DataRows open(InputStream in, RosterFile.Format format, Charset charset, Limits limits)
            throws IOException {
        RowSource source;
        try {
            if (format == RosterFile.Format.XLSX) {
                source = new XlsxRows(in, limits.maxColumns(), limits.maxCellLength());
            } else {
                BufferedInputStream buffered = new BufferedInputStream(in, 65536);
                skipByteOrderMark(buffered, charset);
                source = new CsvRows(new InputStreamReader(buffered, charset), limits.maxColumns(),
                        limits.maxCellLength());
            }
        } catch (RuntimeException | IOException e) {
            in.close();
            throw e;
        }
        try {
            return new DataRows(source);
        } catch (RuntimeException | IOException e) {
            source.close();
            throw e;
        }
    }

    private static RosterFile.Format format(byte[] head, long size) {
        if (size >= 4 && startsWith(head, OLE2)) {
            throw new RosterFileProblem(RosterFileProblem.Kind.UNSUPPORTED_FORMAT);
        }
        return size >= 4 && startsWith(head, ZIP) ? RosterFile.Format.XLSX : RosterFile.Format.CSV;
    }

    private static void skipByteOrderMark(BufferedInputStream in, Charset charset) throws IOException {
        in.mark(4);
        byte[] bom = new byte[3];
        int n = in.readNBytes(bom, 0, 3);
        in.reset();
        boolean utf8Bom = n == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF;
        boolean utf16Bom = n >= 2 && ((bom[0] & 0xFF) == 0xFF && (bom[1] & 0xFF) == 0xFE
                || (bom[0] & 0xFF) == 0xFE && (bom[1] & 0xFF) == 0xFF);
        if (utf8Bom && charset.name().equals("UTF-8")) {
            in.skipNBytes(3);
        } else if (utf16Bom && charset.name().startsWith("UTF-16")) {
            in.skipNBytes(2);
        }
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Where the bytes of a roster can be read from, more than once. */
    @FunctionalInterface
    public interface Bytes {
        InputStream open() throws IOException;
    }

    /**
     * @param maxRows       data rows a roster may have
     * @param maxColumns    cells a row may have
     * @param maxCellLength characters a cell may have (a longer one is usually an unclosed quote)
     */
    public record Limits(int maxRows, int maxColumns, int maxCellLength) {
    }

    /** What {@link #inspect} found: everything a job needs to know about its file, nothing of its content. */
    public record Inspection(RosterFile.Format format, Charset charset, String sha256, long sizeBytes,
                             RosterHeader header, int dataRows) {
    }

    /** The data rows below a roster's header; blank rows are skipped. */
    public static final class DataRows implements AutoCloseable {

        private final RowSource source;
        private final RosterHeader header;

        DataRows(RowSource source) throws IOException {
            this.source = source;
            RawRow first = nextNonBlank();
            if (first == null) {
                throw new RosterFileProblem(RosterFileProblem.Kind.EMPTY_FILE);
            }
            this.header = RosterHeader.of(first);
        }

        public RosterHeader header() {
            return header;
        }

        /** The next non-blank row, or null after the last. */
        public RawRow next() throws IOException {
            return nextNonBlank();
        }

        private RawRow nextNonBlank() throws IOException {
            try {
                RawRow row;
                do {
                    row = source.next();
                } while (row != null && row.blank());
                return row;
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }

        @Override
        public void close() throws IOException {
            source.close();
        }
    }
}
