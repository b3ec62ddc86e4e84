package cn.smartunion.systemtest.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the figures were measured on, read from /proc and the JVM. */
final class Machine {

    private Machine() {
    }

    static List<String> describe() {
        List<String> cpuinfo = lines("/proc/cpuinfo");
        String model = cpuinfo.stream().filter(line -> line.startsWith("model name")).findFirst()
                .map(Machine::value).orElse("unknown CPU model");
        long logical = cpuinfo.stream().filter(line -> line.startsWith("processor")).count();
        String memTotal = lines("/proc/meminfo").stream().filter(line -> line.startsWith("MemTotal"))
                .findFirst().map(Machine::value).map(Machine::kibToGib).orElse("unknown");
        String os = lines("/etc/os-release").stream().filter(line -> line.startsWith("PRETTY_NAME="))
                .findFirst().map(line -> line.substring("PRETTY_NAME=".length()).replace("\"", ""))
                .orElse(System.getProperty("os.name"));
        var bean = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return List.of(
                "CPU: " + model + ", " + logical + " logical processors in /proc/cpuinfo, "
                        + Runtime.getRuntime().availableProcessors() + " available to the JVM",
                "RAM: " + memTotal,
                "OS: " + os + ", kernel " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")",
                "JDK: " + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.runtime.version"),
                String.format(Locale.ROOT, "load average at the end of the run: %.2f", bean.getSystemLoadAverage()));
    }

    private static String value(String line) {
        return line.substring(line.indexOf(':') + 1).trim();
    }

    private static String kibToGib(String kib) {
        long value = Long.parseLong(kib.replaceAll("[^0-9]", ""));
        return String.format(Locale.ROOT, "%.1f GiB", value / 1024.0 / 1024.0);
    }

    static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        }
        catch (IOException e) {
            return List.of();
        }
    }

    static Optional<String> firstLine(String file, String prefix) {
        return lines(file).stream().filter(line -> line.startsWith(prefix)).findFirst();
    }
}
