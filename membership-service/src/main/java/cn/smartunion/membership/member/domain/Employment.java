package cn.smartunion.membership.member.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where and how the member works. The employer is a company, named by its unit name and unified social credit code
 * (public data); a platform worker may work for several platforms at once.
 *
 * @param employerName       the employing unit (用人单位), null for the self-employed or unknown
 * @param employerCreditCode its 统一社会信用代码, already checked against GB 32100 by the caller; null when unknown
 * @param platforms          platform codes such as {@code MEITUAN}, {@code ELEME}, {@code DIDI}; empty when none
 */
public record Employment(String employerName, String employerCreditCode, EmploymentForm form, List<String> platforms) {

    public static final int MAX_PLATFORMS = 16;

    private static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");

    public Employment {
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
    }

    /**
     * Validates declared employment; {@code prefix} is where these fields sit in the caller's input (e.g.
     * {@code employment.}) so violations name them as the client wrote them.
     */
    public static Employment of(String prefix, String employerName, String employerCreditCode, String form,
                                List<String> platforms) {
        String name = employerName == null || employerName.isBlank() ? null : employerName.strip();
        if (name != null && name.codePointCount(0, name.length()) > 200) {
            throw new MemberRuleViolation(prefix + "employerName", "must have at most 200 characters");
        }
        String creditCode = employerCreditCode == null || employerCreditCode.isBlank() ? null
                : employerCreditCode.strip();
        if (creditCode != null && !CREDIT_CODE.matcher(creditCode).matches()) {
            throw new MemberRuleViolation(prefix + "employerCreditCode",
                    "is not a valid unified social credit code");
        }
        EmploymentForm employmentForm = EmploymentForm.parse(prefix + "employmentForm", form);
        List<String> codes = new ArrayList<>(new LinkedHashSet<>(platforms == null ? List.of() : platforms));
        if (codes.size() > MAX_PLATFORMS) {
            throw new MemberRuleViolation(prefix + "platforms", "must list at most " + MAX_PLATFORMS + " platforms");
        }
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (code == null || !CODE.matcher(code).matches()) {
                throw new MemberRuleViolation(prefix + "platforms",
                        "must be codes of capital letters, digits and '_' such as MEITUAN");
            }
        }
        return new Employment(name, creditCode, employmentForm, codes);
    }
}
