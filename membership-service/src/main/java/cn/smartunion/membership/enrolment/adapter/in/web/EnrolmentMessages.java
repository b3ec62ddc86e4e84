package cn.smartunion.membership.enrolment.adapter.in.web;

import cn.smartunion.membership.enrolment.domain.Rejection;
import cn.smartunion.membership.enrolment.domain.RowProblem;
import cn.smartunion.runtime.problem.ProblemFactory;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Locale;

/** The human side of the import's codes, in Chinese or English by {@code Accept-Language}. */
@Component
class EnrolmentMessages {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    private final ProblemFactory problems;

    EnrolmentMessages(ProblemFactory problems) {
        this.problems = problems;
        messages.setBasename("cn/smartunion/membership/enrolment/enrolment_messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    Locale locale(HttpServletRequest request) {
        return problems.locale(request);
    }

    String get(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }

    /** What is wrong with a rejected row, naming the column as the file names it. */
    String describe(Rejection rejection, String column, Locale locale, HttpServletRequest request) {
        boolean ours = Arrays.stream(RowProblem.values()).anyMatch(p -> p.name().equals(rejection.reason()));
        String where = column != null ? column : rejection.field() != null ? rejection.field() : "";
        if (!ours) {
            return get("enrolment.rejection.REGISTER", locale, rejection.reason(), where);
        }
        String detail = rejection.detail() == null ? ""
                : problems.message("problem.identifier.reason." + rejection.detail(), request);
        return get("enrolment.rejection." + rejection.reason(), locale, where, detail,
                rejection.sameAsRow() == null ? "" : String.valueOf(rejection.sameAsRow()));
    }
}
