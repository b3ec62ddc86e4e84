package cn.smartunion.gateway.bodylimit;

import cn.smartunion.gateway.problem.ProblemKind;
import cn.smartunion.gateway.problem.ProblemResponses;
import cn.smartunion.gateway.ratelimit.RateLimitWebFilter;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Refuses request bodies over the limit with 413. A declared {@code Content-Length} over it is refused before a byte
 * is read; a body without one (chunked) is counted as it arrives and fails once it passes the limit. The gateway
 * buffers each body so a breaker can forward it to the fallback, so without this a single upload could fill the heap.
 */
@Component
@Order(RequestBodyLimitWebFilter.ORDER)
public class RequestBodyLimitWebFilter implements WebFilter {

    /** After the caller is known and counted: an anonymous or over-budget upload is refused for that first. */
    public static final int ORDER = RateLimitWebFilter.ORDER + 10;

    private final long defaultMaxBytes;
    private final long uploadMaxBytes;
    private final List<PathPattern> uploadPaths;
    private final ProblemResponses problems;

    public RequestBodyLimitWebFilter(RequestBodyProperties properties, ProblemResponses problems) {
        this.defaultMaxBytes = properties.maxSize().toBytes();
        this.uploadMaxBytes = properties.uploads().maxSize().toBytes();
        this.uploadPaths = properties.uploads().paths().stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.problems = problems;
    }

    private long maxBytesFor(ServerHttpRequest request) {
        PathContainer path = request.getPath().pathWithinApplication();
        return uploadPaths.stream().anyMatch(pattern -> pattern.matches(path)) ? uploadMaxBytes : defaultMaxBytes;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long maxBytes = maxBytesFor(request);
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            return problems.write(exchange, problems.problem(exchange, ProblemKind.PAYLOAD_TOO_LARGE), ProblemResponses.noExtraHeaders());
        }
        if (declared >= 0) {
            // the server reads no more than the declared length
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new LimitedBody(request, maxBytes)).build());
    }

    private static final class LimitedBody extends ServerHttpRequestDecorator {

        private final long maxBytes;

        LimitedBody(ServerHttpRequest delegate, long maxBytes) {
            super(delegate);
            this.maxBytes = maxBytes;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong seen = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                    DataBufferUtils.release(buffer);
                    sink.error(new PayloadTooLargeException(maxBytes));
                    return;
                }
                sink.next(buffer);
            });
        }
    }
}
