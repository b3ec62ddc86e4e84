package cn.smartunion.runtime.problem;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Builds the suite's RFC 9457 problems: stable {@code type}, {@code title} and default {@code detail} in the
 * response language, {@code status}, {@code instance} (the request path, without query) and {@code requestId}.
 *
 * <p>Titles and default details come from {@code cn/smartunion/runtime/problem/problem_messages*.properties}
 * (English base bundle, {@code _zh_CN} for Chinese); the language comes from the application's
 * {@link LocaleResolver} (by default {@link ChineseOrEnglishLocaleResolver}).
 */
public class ProblemFactory {

    public static final String REQUEST_ID = "requestId";

    public static final String VIOLATIONS = "violations";

    static final String MESSAGES_BASENAME = "cn/smartunion/runtime/problem/problem_messages";

    private final LocaleResolver localeResolver;

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    public ProblemFactory(LocaleResolver localeResolver) {
        this.localeResolver = localeResolver;
        messages.setBasename(MESSAGES_BASENAME);
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    /** A problem of the given kind with its default, localised detail. */
    public ProblemDetail create(ProblemType type, HttpServletRequest request) {
        return create(type, null, request);
    }

    /** A problem of the given kind; a null detail gives the kind's default, localised detail. */
    public ProblemDetail create(ProblemType type, @Nullable String detail, HttpServletRequest request) {
        if (type == ProblemType.REQUEST_FAILED) {
            throw new IllegalArgumentException("REQUEST_FAILED has no fixed status: use forStatus(status, request)");
        }
        return build(type, type.defaultStatus(), detail, request);
    }

    /** A problem for a bare HTTP status, of the kind {@link ProblemType#forStatus(int)} gives. */
    public ProblemDetail forStatus(int status, HttpServletRequest request) {
        return build(ProblemType.forStatus(status), status, null, request);
    }

    /** 400 {@code validation} listing what is wrong with which field. */
    public ProblemDetail validation(List<FieldViolation> violations, HttpServletRequest request) {
        ProblemDetail problem = create(ProblemType.VALIDATION, request);
        problem.setProperty(VIOLATIONS, List.copyOf(violations));
        return problem;
    }

    /** 400 {@code malformed-request}, naming the offending fields when they are known. */
    public ProblemDetail malformedRequest(@Nullable String detail, List<FieldViolation> violations,
            HttpServletRequest request) {
        ProblemDetail problem = create(ProblemType.MALFORMED_REQUEST, detail, request);
        if (!violations.isEmpty()) {
            problem.setProperty(VIOLATIONS, List.copyOf(violations));
        }
        return problem;
    }

    /**
     * Adds {@code instance} and {@code requestId} to a problem a service built itself (for a kind of its own), so
     * its problems look like the suite's.
     */
    public ProblemDetail decorate(ProblemDetail problem, HttpServletRequest request) {
        if (problem.getInstance() == null) {
            problem.setInstance(instance(request));
        }
        problem.setProperty(REQUEST_ID, RequestIds.of(request));
        return problem;
    }

    /** A message from the problem bundle in the response language; the code itself when there is none. */
    public String message(String code, HttpServletRequest request, Object... args) {
        return messages.getMessage(code, args, code, locale(request));
    }

    /** The response language for this request. */
    public Locale locale(HttpServletRequest request) {
        return localeResolver.resolveLocale(request);
    }

    private ProblemDetail build(ProblemType type, int status, @Nullable String detail, HttpServletRequest request) {
        String prefix = "problem." + type.slug();
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(type.uri());
        problem.setTitle(message(prefix + ".title", request));
        problem.setDetail(detail != null ? detail : message(prefix + ".detail", request));
        return decorate(problem, request);
    }

    private static @Nullable URI instance(HttpServletRequest request) {
        Object forwardedFrom = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = forwardedFrom instanceof String original ? original : request.getRequestURI();
        if (path == null) {
            return null;
        }
        try {
            return URI.create(path);
        }
        catch (IllegalArgumentException notAUri) {
            return null;
        }
    }
}
