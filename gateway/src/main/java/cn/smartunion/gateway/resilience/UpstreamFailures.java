package cn.smartunion.gateway.resilience;

import java.io.IOException;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.netty.handler.timeout.ReadTimeoutException;

import cn.smartunion.gateway.problem.ProblemKind;

import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.server.ResponseStatusException;

/** Tells what kind of failure a downstream call ended in, from the exception it left behind. */
public final class UpstreamFailures {

    private UpstreamFailures() {
    }

    /** Whether the failure came from calling a service (refused, reset, timed out, breaker open, bulkhead full). */
    public static boolean isUpstreamFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof CallNotPermittedException || t instanceof BulkheadFullException
                    || isTimeoutException(t) || isGatewayTimeoutStatus(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * 504 when the service did not answer in time; 503 busy when the route's bulkhead turned the call away before it
     * was made (the route already had as many calls in flight as it allows); 503 for everything else that kept the
     * service from answering.
     */
    public static ProblemKind classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (isTimeoutException(t) || isGatewayTimeoutStatus(t)) {
                return ProblemKind.UPSTREAM_TIMEOUT;
            }
            if (t instanceof BulkheadFullException) {
                return ProblemKind.UPSTREAM_BUSY;
            }
        }
        return ProblemKind.UPSTREAM_UNAVAILABLE;
    }

    /** One line for the log: exception class and message, no stack trace. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String summary = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return root == failure ? summary : summary + " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    private static boolean isTimeoutException(Throwable t) {
        // java.util.concurrent's (time limiter), the gateway's own (route response-timeout), Netty's read timeout
        return t instanceof java.util.concurrent.TimeoutException
                || t instanceof org.springframework.cloud.gateway.support.TimeoutException
                || t instanceof ReadTimeoutException;
    }

    private static boolean isGatewayTimeoutStatus(Throwable t) {
        if (t instanceof ResponseStatusException e) {
            return e.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value();
        }
        if (t instanceof HttpStatusCodeException e) {
            return e.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value();
        }
        return false;
    }
}
