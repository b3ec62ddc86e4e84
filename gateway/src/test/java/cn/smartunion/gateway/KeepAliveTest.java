package cn.smartunion.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Load balancers and clients reuse their HTTP/1.1 connections to the gateway. An answer the gateway gives itself must
 * not leave a reused connection unread (reactor/reactor-netty#4361): the request after it is answered, on the same
 * connection or, when the gateway said {@code Connection: close}, on a new one.
 */
class KeepAliveTest extends GatewayTestBase {

    private static final String MEMBERS = "/api/membership/v1/members";

    @Test
    void answersTheNextRequestAfterAnAnswerOfItsOwnOnAReusedConnection() throws IOException {
        try (Socket connection = connect()) {
            // sent together, so the second arrives before the gateway has wrapped up the first: the window a client's
            // next request falls into now and then on a busy machine
            send(connection, get(TOKENS.valid()) + get(null));
            assertThat(read(connection).status()).isEqualTo(200);
            Response ownAnswer = read(connection);
            assertThat(ownAnswer.status()).isEqualTo(401);

            if (ownAnswer.closesConnection()) {
                try (Socket next = connect()) {
                    assertNextRequestAnswered(next);
                }
            }
            else {
                assertNextRequestAnswered(connection);
            }
        }
    }

    private void assertNextRequestAnswered(Socket connection) throws IOException {
        send(connection, get(TOKENS.valid()));
        assertThat(read(connection).status()).isEqualTo(200);
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        // generous for a busy machine; a connection left unread never answers at all
        socket.setSoTimeout(10_000);
        return socket;
    }

    private String get(String token) {
        return "GET " + MEMBERS + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + (token != null ? "Authorization: " + bearer(token) + "\r\n" : "") + "\r\n";
    }

    private static void send(Socket connection, String requests) throws IOException {
        connection.getOutputStream().write(requests.getBytes(StandardCharsets.US_ASCII));
        connection.getOutputStream().flush();
    }

    /** One response with a Content-Length body, which is all the gateway sends for these. */
    private static Response read(Socket connection) throws IOException {
        InputStream in = connection.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != 0x0d0a0d0a) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("Connection closed after " + head.size() + " bytes of a response head");
            }
            head.write(next);
            last4 = last4 << 8 | next;
        }
        String headers = head.toString(StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
        int status = Integer.parseInt(headers.substring("http/1.1 ".length(), "http/1.1 ".length() + 3));
        in.readNBytes(Integer.parseInt(header(headers, "content-length")));
        return new Response(status, "close".equals(header(headers, "connection")));
    }

    private static String header(String headers, String name) {
        int start = headers.indexOf("\r\n" + name + ":");
        if (start < 0) {
            return null;
        }
        int valueStart = start + name.length() + 3;
        return headers.substring(valueStart, headers.indexOf("\r\n", valueStart)).trim();
    }

    record Response(int status, boolean closesConnection) {
    }
}
