/**
 * RFC 9457 problem details for everything a servlet service answers with an error (ARCHITECTURE §7),
 * auto-configured by {@link cn.smartunion.runtime.problem.ProblemAutoConfiguration}.
 *
 * <p>Throw {@link cn.smartunion.runtime.problem.NotFoundException} or
 * {@link cn.smartunion.runtime.problem.ConflictException} from any layer; validation, binding, security, Spring MVC
 * and data-access exceptions are translated. Types are {@code urn:smartunion:problem:<kind>} (see
 * {@link cn.smartunion.runtime.problem.ProblemType}); titles are Simplified Chinese unless {@code Accept-Language}
 * prefers English; every problem carries {@code requestId}, also sent as {@code X-Request-Id} and logged in the MDC.
 * Request bodies are capped by {@code smartunion.http.max-request-body} (default 1MB).
 */
package cn.smartunion.runtime.problem;
