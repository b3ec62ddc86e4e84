package cn.smartunion.membership.member.adapter.in.web;

import cn.smartunion.membership.member.domain.Employment;
import cn.smartunion.membership.member.domain.EmploymentForm;

import java.util.List;

/** Employment in a response body; the employer is a company, so nothing here is personal data. */
public record EmploymentView(String employerName, String employerCreditCode, EmploymentForm employmentForm,
                             List<String> platforms) {

    public static EmploymentView of(Employment employment) {
        return employment == null ? null : new EmploymentView(employment.employerName(),
                employment.employerCreditCode(), employment.form(), employment.platforms());
    }
}
