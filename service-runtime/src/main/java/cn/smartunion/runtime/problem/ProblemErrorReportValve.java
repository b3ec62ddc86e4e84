package cn.smartunion.runtime.problem;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's error report for the requests the container refuses before any filter or servlet sees them (an encoded
 * slash, a NUL byte or invalid UTF-8 in the path): a problem like every other error of the service, instead of
 * Tomcat's HTML page. Those requests reach no web application, so {@link ProblemErrorController} never hears of them;
 * only the host's error report valve does.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private final ProblemFactory problems;

    private final JsonMapper jsonMapper;

    public ProblemErrorReportValve(ProblemFactory problems, JsonMapper jsonMapper) {
        this.problems = problems;
        this.jsonMapper = jsonMapper;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            String body = jsonMapper.writeValueAsString(problems.forStatus(status, request));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        }
        catch (IOException | IllegalStateException | tools.jackson.core.JacksonException ignored) {
            // the client has gone or the response cannot take a body any more: nothing else can be sent
        }
    }
}
