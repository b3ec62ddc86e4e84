package cn.smartunion.runtime.problem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies at {@code smartunion.http.max-request-body}. A declared {@code Content-Length} above the cap is
 * answered with 413 before a byte of the body is read; a body of unknown length (chunked) is counted while it is
 * read and the read fails with {@link RequestBodyTooLargeException} as soon as it passes the cap, which ends in 413
 * as well. Multipart uploads are read by the container and are capped by {@code spring.servlet.multipart.*} instead.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;

    private final ProblemFactory problems;

    private final ProblemResponseWriter writer;

    public RequestBodyLimitFilter(long maxBytes, ProblemFactory problems, ProblemResponseWriter writer) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("smartunion.http.max-request-body must be positive");
        }
        this.maxBytes = maxBytes;
        this.problems = problems;
        this.writer = writer;
    }

    /** Multipart bodies are parsed and capped by the container ({@code spring.servlet.multipart.*}), not here. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return contentType != null && contentType.regionMatches(true, 0, "multipart/", 0, "multipart/".length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            rejectTooLarge(request, response);
            return;
        }
        if (declared >= 0) {
            // the container never delivers more than the declared length
            chain.doFilter(request, response);
            return;
        }
        try {
            chain.doFilter(new LimitedBodyRequest(request, maxBytes), response);
        }
        catch (IOException | ServletException | RuntimeException ex) {
            if (!causedByTooLargeBody(ex) || response.isCommitted()) {
                throw ex;
            }
            rejectTooLarge(request, response);
        }
    }

    private void rejectTooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // the unread rest of the body makes the connection unusable for a next request
        response.setHeader("Connection", "close");
        writer.write(response, problems.create(ProblemType.PAYLOAD_TOO_LARGE,
                problems.message("problem.payload-too-large.limit", request, maxBytes), request));
    }

    private static boolean causedByTooLargeBody(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyTooLargeException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static final class LimitedBodyRequest extends HttpServletRequestWrapper {

        private final long maxBytes;

        private ServletInputStream stream;

        private BufferedReader reader;

        LimitedBodyRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (reader != null) {
                throw new IllegalStateException("getReader() has already been called for this request");
            }
            if (stream == null) {
                stream = new CountingInputStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (stream != null) {
                throw new IllegalStateException("getInputStream() has already been called for this request");
            }
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding != null ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1;
                reader = new BufferedReader(new InputStreamReader(
                        new CountingInputStream(super.getInputStream(), maxBytes), charset));
            }
            return reader;
        }
    }

    private static final class CountingInputStream extends ServletInputStream {

        private final ServletInputStream delegate;

        private final long maxBytes;

        private long count;

        CountingInputStream(ServletInputStream delegate, long maxBytes) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws RequestBodyTooLargeException {
            count += n;
            if (count > maxBytes) {
                throw new RequestBodyTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }
}
