package cn.smartunion.runtime.idempotency;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.http.HttpHeaders;


/**
 * Holds back the body of a response until the filter has stored it: status and headers go to the real response
 * as they are set, the body goes to a buffer, and nothing is committed before {@link #copyBodyToResponse()}.
 *
 * <p>{@code sendError} and {@code sendRedirect} are recorded instead of being passed on, so the response the
 * container would otherwise produce later (its error page, outside this filter) is produced here and can be stored:
 * see {@link #errorSent()}.
 */
final class CapturingResponse extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream content = new ByteArrayOutputStream(1024);

    private ServletOutputStream outputStream;

    private PrintWriter writer;

    private boolean errorSent;

    CapturingResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (outputStream == null) {
            outputStream = new BufferStream();
        }
        return outputStream;
    }

    @Override
    public PrintWriter getWriter() throws UnsupportedEncodingException {
        if (writer == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding != null ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1;
            writer = new PrintWriter(new OutputStreamWriter(content, charset));
        }
        return writer;
    }

    // the length is set once the body is known; a length set now would describe a body not yet sent

    @Override
    public void setContentLength(int len) {
    }

    @Override
    public void setContentLengthLong(long len) {
    }

    @Override
    public void setHeader(String name, String value) {
        if (!HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        if (!HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
            super.setIntHeader(name, value);
        }
    }

    @Override
    public void addIntHeader(String name, int value) {
        if (!HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
            super.addIntHeader(name, value);
        }
    }

    @Override
    public void flushBuffer() {
        // nothing reaches the client before the response is stored
        if (writer != null) {
            writer.flush();
        }
    }

    @Override
    public void resetBuffer() {
        if (writer != null) {
            writer.flush();
        }
        content.reset();
    }

    @Override
    public void reset() {
        super.reset();
        resetBuffer();
        errorSent = false;
    }

    @Override
    public void sendError(int status) {
        sendError(status, null);
    }

    @Override
    public void sendError(int status, String message) {
        resetBuffer();
        setStatus(status);
        errorSent = true;
    }

    @Override
    public void sendRedirect(String location) {
        sendRedirect(location, SC_FOUND, true);
    }

    @Override
    public void sendRedirect(String location, int status) {
        sendRedirect(location, status, true);
    }

    @Override
    public void sendRedirect(String location, boolean clearBuffer) {
        sendRedirect(location, SC_FOUND, clearBuffer);
    }

    @Override
    public void sendRedirect(String location, int status, boolean clearBuffer) {
        if (clearBuffer) {
            resetBuffer();
        }
        setStatus(status);
        setHeader(HttpHeaders.LOCATION, location);
    }

    /** True when the response was ended with {@code sendError}: its body is still to be written. */
    boolean errorSent() {
        return errorSent;
    }

    void clearErrorSent() {
        errorSent = false;
    }

    byte[] body() {
        flushBuffer();
        return content.toByteArray();
    }

    /** Sends the held-back body, with its length, to the real response. */
    void copyBodyToResponse() throws IOException {
        byte[] body = body();
        HttpServletResponse response = (HttpServletResponse) getResponse();
        if (!response.isCommitted()) {
            response.setContentLength(body.length);
        }
        if (body.length > 0) {
            response.getOutputStream().write(body);
        }
        response.flushBuffer();
    }

    private final class BufferStream extends ServletOutputStream {

        @Override
        public void write(int b) {
            content.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            content.write(bytes, offset, length);
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("Non-blocking writes are not supported under Idempotency-Key");
        }
    }
}
