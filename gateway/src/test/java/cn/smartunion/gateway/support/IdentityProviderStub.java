package cn.smartunion.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for the Keycloak realm: publishes the public half of the given keys at the realm's JWKS path and counts
 * how often they are fetched. It can be switched to fail, as an identity provider that is down would, or to hold its
 * answers until released, so that a test can see what callers do while a fetch is in flight.
 */
public final class IdentityProviderStub implements AutoCloseable {

    public static final String REALM_PATH = "/realms/smart-union";
    public static final String JWKS_PATH = REALM_PATH + "/protocol/openid-connect/certs";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "stub-identity-provider");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile JWKSet published;
    private volatile boolean failing;
    private volatile CountDownLatch gate;

    private IdentityProviderStub(List<JWK> keys) {
        publish(keys);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext(JWKS_PATH, this::serveKeys);
        server.start();
    }

    public static IdentityProviderStub start(JWK... keys) {
        return new IdentityProviderStub(List.of(keys));
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + REALM_PATH;
    }

    public URI jwksUri() {
        return URI.create(issuer() + "/protocol/openid-connect/certs");
    }

    public int jwksFetches() {
        return fetches.get();
    }

    public void publish(List<JWK> keys) {
        published = new JWKSet(keys).toPublicJWKSet();
    }

    public void fail() {
        failing = true;
    }

    public void recover() {
        failing = false;
    }

    /** From now on, fetches are counted when they arrive but answered only after {@link #release()}. */
    public void hold() {
        gate = new CountDownLatch(1);
    }

    /** Answers the held fetches (with the keys published by then) and stops holding. */
    public void release() {
        CountDownLatch held = gate;
        gate = null;
        if (held != null) {
            held.countDown();
        }
    }

    private void serveKeys(HttpExchange exchange) throws IOException {
        try (exchange) {
            fetches.incrementAndGet();
            awaitRelease();
            if (failing) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            byte[] body = published.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private void awaitRelease() {
        CountDownLatch held = gate;
        if (held == null) {
            return;
        }
        try {
            held.await(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
