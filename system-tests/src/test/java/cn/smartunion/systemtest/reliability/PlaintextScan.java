package cn.smartunion.systemtest.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.apache.kafka.common.errors.CorruptRecordException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.Record;
import org.apache.kafka.common.record.RecordBatch;

/**
 * Looks for ID and phone numbers in files as they lie on disk, and as a reader would decode them: the raw bytes of every
 * file, gzip-compressed logs unpacked, and each Kafka log segment also read record by record through Kafka's own
 * {@link MemoryRecords} (which decompresses gzip, snappy, lz4 and zstd batches), so a value in a compressed batch is found
 * too. Numbers are taken from the bytes as runs of digits (and X); every 11- and 18-character window of a run is a
 * candidate, so a value is found wherever it stands, in UTF-8, ASCII or Java's modified UTF-8.
 */
final class PlaintextScan {

    /** Where each value was found, and how much was read. */
    static final class Findings {
        final Map<String, List<String>> hits = new TreeMap<>();
        final Map<String, List<String>> idShaped = new TreeMap<>();
        long files;
        long bytes;
        long kafkaBatches;
        final Map<String, Long> batchCompression = new TreeMap<>();
    }

    private final Set<String> values;
    private final Findings findings = new Findings();

    PlaintextScan(Set<String> values) {
        this.values = values;
    }

    Findings findings() {
        return findings;
    }

    /**
     * Every regular file under the folder, raw (and unpacked when it is gzip), but Kafka's offset and time indexes:
     * they hold offsets and timestamps only, in files preallocated to 10 MB each.
     */
    PlaintextScan files(Path folder) {
        for (Path file : regularFiles(folder)) {
            if (file.toString().endsWith(".index") || file.toString().endsWith(".timeindex")) {
                continue;
            }
            byte[] bytes = read(file);
            findings.files++;
            findings.bytes += bytes.length;
            scan(bytes, file.toString());
            if (file.toString().endsWith(".gz")) {
                scan(gunzip(file), file + " (unpacked)");
            }
        }
        return this;
    }

    /** Every Kafka log segment under the folder, record by record (keys, values, headers) as consumers decode them. */
    PlaintextScan kafkaRecords(Path folder) {
        for (Path file : regularFiles(folder)) {
            if (!file.toString().endsWith(".log")) {
                continue;
            }
            ByteArrayOutputStream decoded = new ByteArrayOutputStream();
            // the segment's bytes in memory: FileRecords would trim (truncate) the broker's file on close
            MemoryRecords records = MemoryRecords.readableRecords(ByteBuffer.wrap(read(file)));
            try {
                for (RecordBatch batch : records.batches()) {
                    findings.kafkaBatches++;
                    findings.batchCompression.merge(batch.compressionType().name, 1L, Long::sum);
                    for (Record record : batch) {
                        append(decoded, record.key());
                        append(decoded, record.value());
                        for (Header header : record.headers()) {
                            decoded.writeBytes(header.key().getBytes());
                            decoded.write(' ');
                            if (header.value() != null) {
                                decoded.writeBytes(header.value());
                            }
                            decoded.write('\n');
                        }
                    }
                }
            }
            catch (CorruptRecordException partial) {
                // the active segment's last batch is still being written: what came before is read
            }
            scan(decoded.toByteArray(), file + " (records)");
        }
        return this;
    }

    private void scan(byte[] bytes, String where) {
        Set<String> windows = new HashSet<>();
        int start = -1;
        for (int i = 0; i <= bytes.length; i++) {
            boolean digit = i < bytes.length && ((bytes[i] >= '0' && bytes[i] <= '9') || bytes[i] == 'X'
                    || bytes[i] == 'x');
            if (digit && start < 0) {
                start = i;
            }
            else if (!digit && start >= 0) {
                int length = i - start;
                if (length >= 11) {
                    String run = new String(bytes, start, length, java.nio.charset.StandardCharsets.US_ASCII)
                            .toUpperCase();
                    for (int w = 0; w + 11 <= length; w++) {
                        windows.add(run.substring(w, w + 11));
                        if (w + 18 <= length) {
                            windows.add(run.substring(w, w + 18));
                        }
                    }
                    if (length == 18 && CitizenIds.looksReal(run)) {
                        findings.idShaped.computeIfAbsent(run, v -> new ArrayList<>()).add(where);
                    }
                }
                start = -1;
            }
        }
        for (String value : values) {
            if (windows.contains(value.toUpperCase())) {
                findings.hits.computeIfAbsent(value, v -> new ArrayList<>()).add(where);
            }
        }
    }

    private static void append(ByteArrayOutputStream out, ByteBuffer buffer) {
        if (buffer != null) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            out.writeBytes(bytes);
            out.write('\n');
        }
    }

    private static List<Path> regularFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gunzip(Path file) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GB 11643 citizen ID numbers. */
    static final class CitizenIds {

        private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        private static final String CHECK = "10X98765432";

        private CitizenIds() {
        }

        /** An 18-character value with a Hubei region code, a real birth date and the right check digit. */
        static boolean looksReal(String value) {
            if (value.length() != 18 || !value.startsWith("42") || !value.substring(0, 17).chars()
                    .allMatch(Character::isDigit)) {
                return false;
            }
            try {
                java.time.LocalDate born = java.time.LocalDate.parse(value.substring(6, 14),
                        java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
                if (born.getYear() < 1900 || born.getYear() > 2030) {
                    return false;
                }
            }
            catch (java.time.format.DateTimeParseException e) {
                return false;
            }
            return value.charAt(17) == checkDigit(value.substring(0, 17));
        }

        static char checkDigit(String first17) {
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += (first17.charAt(i) - '0') * WEIGHTS[i];
            }
            return CHECK.charAt(sum % 11);
        }
    }
}
