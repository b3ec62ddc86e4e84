package cn.smartunion.localrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol server for the local run: mongo-java-server with its H2 MVStore backend, so data
 * survives restarts. Not a MongoDB: no multi-document transactions, no change streams, no {@code $text}
 * (see ARCHITECTURE.md §3).
 *
 * <pre>
 * java -cp &lt;local-run classpath&gt; cn.smartunion.localrun.MongoWireServer [--bind 127.0.0.1] [--port 27017] --file data/mongo.mv
 * </pre>
 *
 * On SIGTERM/SIGINT the shutdown hook stops listening, closes the client connections and closes the MVStore
 * (which commits what is still pending), so a graceful stop loses nothing. The MVStore also auto-commits about
 * once a second, so even a {@code kill -9} loses at most the last second of writes.
 */
public final class MongoWireServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MongoWireServer.class);

    private final H2Backend backend;
    private final MongoServer server;
    private final InetSocketAddress address;

    private MongoWireServer(H2Backend backend, MongoServer server, InetSocketAddress address) {
        this.backend = backend;
        this.server = server;
        this.address = address;
    }

    /** Opens (or creates) the MVStore file and binds; {@code port} 0 picks a free port. */
    public static MongoWireServer start(String bindAddress, int port, Path storeFile) {
        Path absolute = storeFile.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + absolute, e);
        }
        H2Backend backend = UniqueIndexLookups.backend(absolute.toString());
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(bindAddress, port);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        return new MongoWireServer(backend, server, server.getLocalAddress());
    }

    public InetSocketAddress address() {
        return address;
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    /** Stops listening, closes connections and the backend (the MVStore commits and releases its file lock). */
    @Override
    public void close() {
        server.shutdown(); // closes the backend too

    }

    public static void main(String[] args) throws InterruptedException {
        String bind = "127.0.0.1";
        int port = 27017;
        Path file = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bind" -> bind = value(args, ++i);
                case "--port" -> port = Integer.parseInt(value(args, ++i));
                case "--file" -> file = Path.of(value(args, ++i));
                case "-h", "--help" -> {
                    System.out.println("usage: MongoWireServer [--bind 127.0.0.1] [--port 27017] --file <mvstore file>");
                    return;
                }
                default -> usage("unknown argument: " + args[i]);
            }
        }
        if (file == null) {
            usage("--file <mvstore file> is required");
        }

        MongoWireServer mongo = start(bind, port, file);
        log.info("MongoDB wire-protocol server (mongo-java-server, H2 MVStore {}) listening on {}", file.toAbsolutePath(),
                mongo.connectionString());

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("shutting down");
            try {
                mongo.close();
                log.info("stopped; MVStore closed");
            } finally {
                stopped.countDown();
            }
        }, "mongo-wire-server-shutdown"));
        stopped.await();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            usage("missing value for " + args[i - 1]);
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: MongoWireServer [--bind 127.0.0.1] [--port 27017] --file <mvstore file>");
        System.exit(64);
    }
}
