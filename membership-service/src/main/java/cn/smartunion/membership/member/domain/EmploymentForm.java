package cn.smartunion.membership.member.domain;

import java.util.Arrays;

/** How the member works (用工形式), DOMAIN.md §2.8: new-form workers are usually PLATFORM_FLEXIBLE. */
public enum EmploymentForm {
    /** 劳动合同. */
    LABOUR_CONTRACT,
    /** 劳务派遣. */
    DISPATCHED,
    /** 平台灵活就业 (delivery riders, ride-hailing drivers …). */
    PLATFORM_FLEXIBLE,
    /** 个体 / self-employed. */
    SELF_EMPLOYED,
    OTHER;

    static EmploymentForm parse(String field, String code) {
        if (code == null || code.isBlank()) {
            throw new MemberRuleViolation(field, "is required");
        }
        return Arrays.stream(values()).filter(form -> form.name().equals(code.strip())).findFirst()
                .orElseThrow(() -> new MemberRuleViolation(field, "must be one of " + Arrays.toString(values())));
    }
}
