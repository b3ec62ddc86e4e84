package cn.smartunion.runtime.testing;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A MongoDB wire-protocol server (mongo-java-server, in-memory) on a free loopback port, for tests.
 *
 * <p>In Spring tests use the JVM-wide {@link #shared()} server, because Spring caches application contexts across
 * test classes and a cached context must not outlive its server:
 * <pre>{@code
 * @DynamicPropertySource
 * static void mongo(DynamicPropertyRegistry registry) {
 *     MongoWireServer.registerUri(registry, "membership-test");
 * }
 * }</pre>
 * Give each test class its own database name (or clean up) to keep tests independent. Plain tests may
 * {@link #start()} their own server and close it. Remember what it lacks: transactions, change streams, {@code $text}.
 */
public final class MongoWireServer implements AutoCloseable {

    private static MongoWireServer shared;

    private final MongoServer server;

    private final InetSocketAddress address;

    private MongoWireServer() {
        this.server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        this.address = server.getLocalAddress();
    }

    /** A new server; close it when done. */
    public static MongoWireServer start() {
        return new MongoWireServer();
    }

    /** The JVM-wide server, started on first use and shut down when the JVM exits. */
    public static synchronized MongoWireServer shared() {
        if (shared == null) {
            MongoWireServer server = new MongoWireServer();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "mongo-wire-server-shutdown"));
            shared = server;
        }
        return shared;
    }

    /** Points Boot's {@code spring.mongodb.uri} at a database of the {@link #shared()} server. */
    public static void registerUri(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.mongodb.uri", () -> shared().connectionString(database));
    }

    /** {@code mongodb://127.0.0.1:<port>/<database>}. */
    public String connectionString(String database) {
        return "mongodb://127.0.0.1:" + address.getPort() + "/" + database;
    }

    public int port() {
        return address.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
