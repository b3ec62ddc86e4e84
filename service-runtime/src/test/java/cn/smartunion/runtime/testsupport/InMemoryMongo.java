package cn.smartunion.runtime.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;

/** A MongoDB wire-protocol server (mongo-java-server, memory backend) on a free loopback port, one per test JVM. */
public final class InMemoryMongo {

    private static MongoServer server;
    private static String connectionString;

    private InMemoryMongo() {
    }

    /** Connection string for {@code database} on the shared server, started on first use. */
    public static synchronized String uri(String database) {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            InetSocketAddress address = server.getLocalAddress();
            connectionString = "mongodb://127.0.0.1:" + address.getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        }
        return connectionString + "/" + database;
    }
}
