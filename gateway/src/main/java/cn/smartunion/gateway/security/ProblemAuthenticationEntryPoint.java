package cn.smartunion.gateway.security;

import reactor.core.publisher.Mono;

import cn.smartunion.gateway.problem.ProblemKind;
import cn.smartunion.gateway.problem.ProblemResponses;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers a request without a usable bearer token: 401 (400 for a malformed request) with an RFC 6750
 * {@code WWW-Authenticate} challenge and problem details. The challenge carries only the error code, not the
 * decoder's description, which would tell a forger which check failed.
 */
@Component
class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private final ProblemResponses problems;

    ProblemAuthenticationEntryPoint(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        String errorCode = failure instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : null;
        ProblemKind kind;
        String challenge;
        if (errorCode == null) {
            // RFC 6750 §3.1: no error code when the request carried no credentials at all
            kind = ProblemKind.TOKEN_MISSING;
            challenge = "Bearer";
        }
        else if (OAuth2ErrorCodes.INVALID_REQUEST.equals(errorCode)) {
            kind = ProblemKind.BAD_REQUEST;
            challenge = "Bearer error=\"invalid_request\"";
        }
        else {
            kind = ProblemKind.TOKEN_INVALID;
            challenge = "Bearer error=\"invalid_token\"";
        }
        return problems.write(exchange, problems.problem(exchange, kind),
                headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge));
    }
}
