package cn.smartunion.localrun;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.bson.Document;

/**
 * Waits until every target of the local run is ready, in one JVM, so run-local.sh needs nothing but a JDK.
 *
 * <pre>
 * AwaitReady --timeout 240 'name;pid;kind;target;logfile' ...
 * </pre>
 *
 * kinds: {@code tcp host:port}, {@code kafka bootstrap} (a metadata request: describeCluster must list a broker),
 * {@code mongo host:port} (the {@code ping} command), {@code http url} (a 2xx answer, e.g. a readiness group).
 * A target whose process (pid) exits fails at once. Prints one line per target as it becomes ready; exits 0
 * when all are ready, 1 on timeout, 2 when a process died. Failures name the log file to read.
 */
public final class AwaitReady {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    private static final long POLL_MILLIS = 500;

    public record Target(String name, long pid, String kind, String address, String logFile) {

        static Target parse(String spec) {
            String[] parts = spec.split(";", 5);
            if (parts.length != 5) {
                throw new IllegalArgumentException("expected name;pid;kind;target;logfile, got: " + spec);
            }
            return new Target(parts[0], Long.parseLong(parts[1]), parts[2].toLowerCase(Locale.ROOT), parts[3], parts[4]);
        }

        boolean processAlive() {
            return pid <= 0 || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    /** A probe answers null when the target is ready, or a short reason why not. */
    interface Probe extends AutoCloseable {
        String check();

        @Override
        default void close() {
        }
    }

    public static void main(String[] args) {
        long timeoutSeconds = 240;
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--timeout")) {
                timeoutSeconds = Long.parseLong(args[++i]);
            } else {
                targets.add(Target.parse(args[i]));
            }
        }
        System.exit(await(targets, Duration.ofSeconds(timeoutSeconds)));
    }

    public static int await(List<Target> targets, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Map<Target, Probe> pending = new LinkedHashMap<>();
        Map<Target, String> lastReason = new LinkedHashMap<>();
        for (Target t : targets) {
            pending.put(t, probeFor(t));
        }
        try {
            while (!pending.isEmpty()) {
                for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                    var entry = it.next();
                    Target t = entry.getKey();
                    if (!t.processAlive()) {
                        System.out.printf("FAILED  %-20s its process (pid %d) exited before it became ready; read %s%n",
                                t.name(), t.pid(), t.logFile());
                        return 2;
                    }
                    String reason = entry.getValue().check();
                    if (reason == null) {
                        System.out.printf("  ready %-20s %5.1f s%n", t.name(), seconds(start));
                        entry.getValue().close();
                        it.remove();
                        lastReason.remove(t);
                    } else {
                        lastReason.put(t, reason);
                    }
                }
                if (pending.isEmpty()) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    for (Target t : pending.keySet()) {
                        System.out.printf("TIMEOUT %-20s not ready after %d s (%s %s: %s); read %s%n", t.name(),
                                timeout.toSeconds(), t.kind(), t.address(), lastReason.get(t), t.logFile());
                    }
                    return 1;
                }
                sleep(POLL_MILLIS);
            }
            return 0;
        } finally {
            pending.values().forEach(Probe::close);
        }
    }

    private static Probe probeFor(Target t) {
        return switch (t.kind()) {
            case "tcp" -> () -> tcp(t.address());
            case "http" -> http(URI.create(t.address()));
            case "kafka" -> kafka(t.address());
            case "mongo" -> mongo(t.address());
            default -> throw new IllegalArgumentException("unknown kind " + t.kind() + " for " + t.name());
        };
    }

    static String tcp(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))),
                    (int) PROBE_TIMEOUT.toMillis());
            return null;
        } catch (IOException e) {
            return describe(e);
        }
    }

    private static Probe http(URI uri) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(PROBE_TIMEOUT).GET().build();
        return () -> {
            try {
                int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                return status / 100 == 2 ? null : "HTTP " + status;
            } catch (IOException e) {
                return describe(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        };
    }

    /** Ready when a metadata request (describeCluster) answers with at least one broker. */
    private static Probe kafka(String bootstrap) {
        if (tcp(bootstrap) != null) {
            // creating the admin client against a closed port only produces reconnect noise; wait for the socket first
            return new Probe() {
                private Probe delegate;

                @Override
                public String check() {
                    if (delegate == null) {
                        String reason = tcp(bootstrap);
                        if (reason != null) {
                            return reason;
                        }
                        delegate = kafka(bootstrap);
                    }
                    return delegate.check();
                }

                @Override
                public void close() {
                    if (delegate != null) {
                        delegate.close();
                    }
                }
            };
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "local-run-await-ready");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
        Admin admin = Admin.create(props);
        return new Probe() {
            @Override
            public String check() {
                try {
                    var nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) PROBE_TIMEOUT.toMillis()))
                            .nodes().get(PROBE_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
                    return nodes.isEmpty() ? "no broker in the metadata" : null;
                } catch (ExecutionException e) {
                    return describe(e.getCause());
                } catch (TimeoutException e) {
                    return "metadata request timed out";
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return "interrupted";
                }
            }

            @Override
            public void close() {
                admin.close(Duration.ofSeconds(2));
            }
        };
    }

    /** Ready when the server answers {@code ping}. */
    private static Probe mongo(String hostPort) {
        MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://" + hostPort + "/?directConnection=true"))
                .applyToClusterSettings(b -> b.serverSelectionTimeout(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(b -> b.connectTimeout((int) PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout((int) PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                .build());
        return new Probe() {
            @Override
            public String check() {
                try {
                    Document answer = client.getDatabase("admin").runCommand(new Document("ping", 1));
                    Object ok = answer.get("ok");
                    return ok instanceof Number n && n.doubleValue() == 1.0 ? null : "ping answered " + answer.toJson();
                } catch (RuntimeException e) {
                    return describe(e);
                }
            }

            @Override
            public void close() {
                client.close();
            }
        };
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        if (message != null && message.length() > 160) {
            message = message.substring(0, 160) + "...";
        }
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
