package cn.smartunion.runtime.problem;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Answers in Simplified Chinese or English, chosen from {@code Accept-Language}: the highest-weighted range whose
 * language is {@code zh} (any region) gives {@code zh-CN}, {@code en} gives {@code en}. No header, an unparsable
 * header or only other languages give {@code zh-CN}: the platform's users are Chinese union staff and members, and
 * English is the opt-in for partner developers.
 *
 * <p>Registered as the application's {@code localeResolver}, so bean-validation messages and problem titles agree.
 */
public class ChineseOrEnglishLocaleResolver implements LocaleResolver {

    public static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return resolve(request.getHeader("Accept-Language"));
    }

    static Locale resolve(@Nullable String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return DEFAULT;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        }
        catch (IllegalArgumentException malformed) {
            return DEFAULT;
        }
        // parse() returns the ranges by descending weight; a weight of 0 means "not acceptable"
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() == 0) {
                continue;
            }
            String language = range.getRange().split("-", 2)[0];
            if (language.equals("zh")) {
                return DEFAULT;
            }
            if (language.equals("en")) {
                return Locale.ENGLISH;
            }
        }
        return DEFAULT;
    }

    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        throw new UnsupportedOperationException("The response language follows the Accept-Language header");
    }
}
