package cn.smartunion.gateway.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import cn.smartunion.gateway.problem.ProblemKind;
import cn.smartunion.gateway.problem.ProblemResponses;
import cn.smartunion.gateway.requestid.RequestIdWebFilter;

import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers what Spring Security's firewall turns away: paths that are not normalised ({@code ..}, encoded slashes,
 * {@code ;}) and control characters in headers. Path tricks like {@code /api/membership/../../actuator/env} would
 * otherwise be forwarded verbatim and resolved by the service, reaching endpoints the gateway never routes.
 */
@Component
class ProblemExchangeRejectedHandler implements ServerExchangeRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExchangeRejectedHandler.class);

    private final ProblemResponses problems;

    ProblemExchangeRejectedHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        // neither the firewall's message (it quotes the offending header, maybe a bearer token) nor the path
        log.info("Rejected request {} by the firewall", RequestIdWebFilter.requestId(exchange));
        return problems.write(exchange, problems.problem(exchange, ProblemKind.REQUEST_REJECTED), ProblemResponses.noExtraHeaders());
    }
}
