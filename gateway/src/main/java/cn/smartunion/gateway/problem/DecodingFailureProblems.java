package cn.smartunion.gateway.problem;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Requests Reactor Netty cannot decode (a request line or headers over its limits, a malformed request line) never
 * reach the application: Netty answers 414, 431 or 400 itself, with an empty body, and closes the connection. This
 * gives those answers the same problem+json body as every other error of the gateway, in English because the
 * request's Accept-Language was never read.
 */
@Component
public class DecodingFailureProblems implements NettyServerCustomizer {

    private static final String HANDLER_NAME = "smartunion.decodingFailureProblems";

    private static final Map<HttpResponseStatus, String> DETAILS = Map.of(
            HttpResponseStatus.REQUEST_URI_TOO_LONG, "The request line is longer than the gateway accepts.",
            HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "The request headers are larger than the gateway accepts.",
            HttpResponseStatus.BAD_REQUEST, "The request is not valid HTTP.");

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            // HTTP/1.1 only: it is the codec that answers for a request it cannot decode
            if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get(HANDLER_NAME) == null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, HANDLER_NAME, ProblemBodies.INSTANCE);
            }
        });
    }

    /** Fills the codec's empty, connection-closing error answers; everything else passes untouched. */
    @ChannelHandler.Sharable
    static final class ProblemBodies extends ChannelOutboundHandlerAdapter {

        static final ProblemBodies INSTANCE = new ProblemBodies();

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
            if (message instanceof FullHttpResponse response && isDecodingFailure(response)) {
                context.write(withProblemBody(response), promise);
                response.release();
                return;
            }
            context.write(message, promise);
        }

        private static boolean isDecodingFailure(FullHttpResponse response) {
            return DETAILS.containsKey(response.status()) && response.content().readableBytes() == 0
                    && response.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true);
        }

        private static FullHttpResponse withProblemBody(FullHttpResponse empty) {
            HttpResponseStatus status = empty.status();
            byte[] body = ("{\"type\":\"about:blank\",\"title\":\"" + status.reasonPhrase() + "\",\"status\":"
                    + status.code() + ",\"detail\":\"" + DETAILS.get(status) + "\"}").getBytes(StandardCharsets.UTF_8);
            FullHttpResponse problem = new DefaultFullHttpResponse(empty.protocolVersion(), status,
                    Unpooled.wrappedBuffer(body));
            problem.headers().set(empty.headers())
                    .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            return problem;
        }
    }
}
