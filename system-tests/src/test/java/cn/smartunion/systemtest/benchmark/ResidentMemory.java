package cn.smartunion.systemtest.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Part 5: resident memory (VmRSS, and its peak VmHWM) of each process from /proc, its child processes included. */
final class ResidentMemory {

    record Usage(String name, long pid, int processes, long rssKib, long peakKib) {
    }

    private ResidentMemory() {
    }

    static List<Usage> of(Map<String, Long> pids) {
        Map<String, Long> all = new LinkedHashMap<>(pids);
        all.put("performance harness (this JVM)", ProcessHandle.current().pid());
        List<Usage> usages = new ArrayList<>();
        all.forEach((name, pid) -> {
            // Keycloak's pid is its launcher script; the server is its child. The harness's own children (the Kafka
            // tools) have exited by now, the suite's processes are counted on their own lines.
            List<Long> tree = ProcessHandle.of(pid).map(process -> Stream.concat(Stream.of(process.pid()),
                            name.startsWith("performance") ? Stream.<Long>empty()
                                    : process.descendants().map(ProcessHandle::pid)).toList())
                    .orElse(List.of());
            long rss = tree.stream().mapToLong(p -> kib(p, "VmRSS:")).sum();
            long peak = tree.stream().mapToLong(p -> kib(p, "VmHWM:")).sum();
            usages.add(new Usage(name, pid, tree.size(), rss, peak));
        });
        return usages;
    }

    private static long kib(long pid, String field) {
        return Machine.firstLine("/proc/" + pid + "/status", field)
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).orElse(0L);
    }
}
