package cn.smartunion.membership.enrolment.domain;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The facts of an uploaded roster that the job keeps: never its content. {@code name} is the file name as uploaded,
 * with long digit runs starred out (a file may be named after a person's ID or phone number).
 *
 * @param sha256    hex SHA-256 of the bytes; with the org it identifies a re-upload of the same roster
 * @param encoding  the text encoding detected for CSV (UTF-8, GB18030, UTF-16LE/BE), null for XLSX
 * @param dataRows  non-blank data rows below the header, counted at upload
 * @param columns   the recognised columns, in file order
 * @param ignored   header texts of columns the import does not use
 */
public record RosterFile(String name, Format format, String encoding, long sizeBytes, String sha256, int dataRows,
                         List<Column> columns, List<String> ignored) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern DIGIT_RUN = Pattern.compile("[0-9]{5,}");

    public RosterFile {
        Objects.requireNonNull(format, "format");
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
        }
        if (dataRows <= 0) {
            throw new EnrolmentRuleViolation("file", "a roster needs at least one data row");
        }
        name = safeName(name);
        columns = List.copyOf(columns);
        ignored = List.copyOf(ignored);
    }

    /** Keeps a file name displayable without carrying identifiers: runs of five or more digits are starred. */
    static String safeName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String base = name.strip().replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        if (base.length() > 120) {
            base = base.substring(0, 120);
        }
        return DIGIT_RUN.matcher(base).replaceAll(m -> "*".repeat(m.group().length()));
    }

    public enum Format { CSV, XLSX }

    /** A recognised column: the roster field, the header text as written, and its zero-based position. */
    public record Column(String field, String header, int index) {
    }
}
