package cn.smartunion.gateway.security;

import reactor.core.publisher.Mono;

import cn.smartunion.gateway.problem.ProblemKind;
import cn.smartunion.gateway.problem.ProblemResponses;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

@Component
class ProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

    private final ProblemResponses problems;

    ProblemAccessDeniedHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return problems.write(exchange, problems.problem(exchange, ProblemKind.FORBIDDEN), ProblemResponses.noExtraHeaders());
    }
}
