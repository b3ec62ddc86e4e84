package cn.smartunion.systemtest.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own performance tools from {@code org.apache.kafka:kafka-tools} (the broker's version), each run as a child
 * JVM on this harness's classpath, as {@code kafka-*.sh} would run it, against the suite's broker.
 */
final class KafkaTool {

    private static final Pattern AVERAGE = Pattern.compile("Avg latency: ([0-9.]+) ms");
    private static final Pattern PERCENTILES = Pattern.compile(
            "Percentiles: 50th = (\\d+), 99th = (\\d+), 99\\.9th = (\\d+)");
    /** ConsumerPerformance's figures: two timestamps, then numbers, comma-separated. */
    private static final Pattern STATS_LINE = Pattern.compile("\\d{4}-\\d{2}-\\d{2} [0-9:]+, .*");

    private KafkaTool() {
    }

    /** What {@code kafka-e2e-latency.sh} reports: milliseconds, the percentiles as whole milliseconds. */
    record EndToEnd(String command, int messages, int messageBytes, double meanMillis, long p50, long p99,
                    long p999) {
    }

    /** What {@code kafka-consumer-perf-test.sh} reports, by its column names. */
    record ConsumerPerformance(String command, Map<String, String> columns) {

        double value(String column) {
            String value = columns.get(column);
            return value == null ? Double.NaN : Double.parseDouble(value.trim());
        }
    }

    /**
     * {@code EndToEndLatency}: produces one message at a time (acks=all) and waits until its consumer has it before
     * sending the next, on a topic of its own (created with one partition).
     */
    static EndToEnd endToEndLatency(String bootstrapServers, String topic, int messages, int messageBytes,
                                    Path logs) throws Exception {
        List<String> arguments = List.of(bootstrapServers, topic, Integer.toString(messages), "all",
                Integer.toString(messageBytes));
        String output = run("org.apache.kafka.tools.EndToEndLatency", arguments, logs.resolve("kafka-e2e-latency.log"),
                Duration.ofMinutes(10));
        Matcher mean = AVERAGE.matcher(output);
        Matcher percentiles = PERCENTILES.matcher(output);
        if (!mean.find() || !percentiles.find()) {
            throw new IllegalStateException("EndToEndLatency printed no figures:\n" + tail(output));
        }
        return new EndToEnd("EndToEndLatency " + String.join(" ", arguments), messages, messageBytes,
                Double.parseDouble(mean.group(1)), Long.parseLong(percentiles.group(1)),
                Long.parseLong(percentiles.group(2)), Long.parseLong(percentiles.group(3)));
    }

    /** {@code ConsumerPerformance}: one consumer of a new group reads {@code messages} records from the beginning. */
    static ConsumerPerformance consumerPerformance(String bootstrapServers, String topic, long messages, String group,
                                                   Path logs) throws Exception {
        List<String> arguments = List.of("--bootstrap-server", bootstrapServers, "--topic", topic, "--messages",
                Long.toString(messages), "--group", group, "--timeout", "60000");
        String output = run("org.apache.kafka.tools.ConsumerPerformance", arguments,
                logs.resolve("kafka-consumer-perf.log"), Duration.ofMinutes(10));
        List<String> lines = output.lines().map(String::trim).toList();
        String[] names = null;
        for (String line : lines) {
            if (line.startsWith("start.time")) {
                names = line.split(",\\s*");
            }
            else if (names != null && STATS_LINE.matcher(line).matches() && line.split(",").length == names.length) {
                String[] values = line.split(",\\s*");
                Map<String, String> columns = new HashMap<>();
                for (int c = 0; c < names.length; c++) {
                    columns.put(names[c].trim(), values[c].trim());
                }
                return new ConsumerPerformance("ConsumerPerformance " + String.join(" ", arguments), columns);
            }
        }
        throw new IllegalStateException("ConsumerPerformance printed no figures:\n" + tail(output));
    }

    private static String run(String mainClass, List<String> arguments, Path log, Duration timeout)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC",
                // SLF4J picks logback on this classpath: the tool's logs go to its log file, its figures to stdout
                "-Dlogback.configurationFile=" + logbackConfiguration(log),
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(arguments);
        Files.createDirectories(log.getParent());
        Path output = log.resolveSibling(log.getFileName() + ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException(mainClass + " did not finish within " + timeout);
            }
        }
        finally {
            process.destroyForcibly();
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(mainClass + " exited with " + process.exitValue() + ":\n" + tail(text));
        }
        return text;
    }

    private static Path logbackConfiguration(Path log) throws IOException {
        Path configuration = log.resolveSibling(log.getFileName() + ".logback.xml");
        Files.writeString(configuration, """
                <configuration>
                  <appender name="file" class="ch.qos.logback.core.FileAppender">
                    <file>%s</file>
                    <encoder><pattern>%%d{HH:mm:ss.SSS} %%-5level [%%thread] %%logger - %%msg%%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="file"/></root>
                </configuration>
                """.formatted(log));
        return configuration;
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
