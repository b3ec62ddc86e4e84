package cn.smartunion.membership.org.domain;

import java.util.regex.Pattern;

/**
 * A firm or self-employed business a federation or joint union covers (e.g. one of the 246 small businesses of
 * 万达商圈联合工会). The credit code's check character is verified where it enters the service; here only its shape.
 *
 * @param name       the registered name, 1 to 100 characters
 * @param creditCode the unified social credit code (统一社会信用代码), upper case
 */
public record CoveredUnit(String name, String creditCode) {

    private static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}");

    public CoveredUnit {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new OrgRuleViolation("coveredUnits.name", "must be 1 to 100 characters");
        }
        if (creditCode == null || !CREDIT_CODE.matcher(creditCode).matches()) {
            throw new OrgRuleViolation("coveredUnits.unifiedSocialCreditCode", "must be an 18-character unified social credit code");
        }
        name = name.strip();
    }
}
