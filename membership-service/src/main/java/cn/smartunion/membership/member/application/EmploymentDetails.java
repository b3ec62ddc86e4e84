package cn.smartunion.membership.member.application;

import java.util.List;

/**
 * Employment as declared (raw input): employer unit name, its unified social credit code, the employment form code
 * ({@code LABOUR_CONTRACT}, {@code DISPATCHED}, {@code PLATFORM_FLEXIBLE}, {@code SELF_EMPLOYED}, {@code OTHER}) and
 * the platforms worked for. Everything but the form may be null.
 */
public record EmploymentDetails(String employerName, String employerCreditCode, String employmentForm,
                                List<String> platforms) {
}
