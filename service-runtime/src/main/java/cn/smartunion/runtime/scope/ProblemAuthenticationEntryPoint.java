package cn.smartunion.runtime.scope;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.smartunion.runtime.problem.ProblemFactory;
import cn.smartunion.runtime.problem.ProblemResponseWriter;
import cn.smartunion.runtime.problem.ProblemType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 for a missing, invalid or expired token: the standard {@code WWW-Authenticate: Bearer ...} header plus a
 * problem+json body.
 */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

    private final ProblemFactory problems;

    private final ProblemResponseWriter writer;

    public ProblemAuthenticationEntryPoint(ProblemFactory problems, ProblemResponseWriter writer) {
        this.problems = problems;
        this.writer = writer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException authException) throws IOException {
        bearer.commence(request, response, authException);
        String detail = authException instanceof OAuth2AuthenticationException
                ? problems.message("problem.unauthenticated.invalid-token", request) : null;
        writer.write(response, problems.create(ProblemType.UNAUTHENTICATED, detail, request));
    }
}
