package cn.smartunion.localrun;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class AwaitReadyTest {

    private static final long THIS_JVM = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    @Test
    void readyWhenHttpAnswers2xxAndMongoAnswersPing() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/actuator/health/readiness", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        http.start();
        try (MongoWireServer mongo = MongoWireServer.start("127.0.0.1", 0, dir.resolve("mongo.mv"))) {
            int code = AwaitReady.await(List.of(
                    target("svc", "http", "http://127.0.0.1:" + http.getAddress().getPort() + "/actuator/health/readiness"),
                    target("mongo", "mongo", "127.0.0.1:" + mongo.address().getPort())), Duration.ofSeconds(20));
            assertThat(code).isZero();
        } finally {
            http.stop(0);
        }
    }

    @Test
    void timesOutWhenNothingListens() throws IOException {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThat(AwaitReady.await(List.of(target("nothing", "tcp", "127.0.0.1:" + closedPort)), Duration.ofSeconds(1)))
                .isEqualTo(1);
    }

    @Test
    void failsAtOnceWhenTheProcessHasExited() throws Exception {
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        var target = new AwaitReady.Target("gone", exited.pid(), "tcp", "127.0.0.1:1", "gone.log");
        long start = System.nanoTime();
        assertThat(AwaitReady.await(List.of(target), Duration.ofSeconds(30))).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    private static AwaitReady.Target target(String name, String kind, String address) {
        return new AwaitReady.Target(name, THIS_JVM, kind, address, name + ".log");
    }
}
