package cn.smartunion.runtime.scope;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.smartunion.runtime.problem.ProblemFactory;
import cn.smartunion.runtime.problem.ProblemResponseWriter;
import cn.smartunion.runtime.problem.ProblemType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 403 for an authenticated caller lacking a role or scope: {@code WWW-Authenticate} plus a problem+json body. */
public class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();

    private final ProblemFactory problems;

    private final ProblemResponseWriter writer;

    public ProblemAccessDeniedHandler(ProblemFactory problems, ProblemResponseWriter writer) {
        this.problems = problems;
        this.writer = writer;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException accessDeniedException) throws IOException {
        bearer.handle(request, response, accessDeniedException);
        writer.write(response, problems.create(ProblemType.FORBIDDEN, request));
    }
}
