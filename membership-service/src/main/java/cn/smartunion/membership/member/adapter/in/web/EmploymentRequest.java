package cn.smartunion.membership.member.adapter.in.web;

import cn.smartunion.membership.member.application.EmploymentDetails;
import cn.smartunion.membership.member.domain.EmploymentForm;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Employment in a request body (member entry, applications, employment changes); sizes bound what is read. */
public record EmploymentRequest(
        @Size(max = 200) String employerName,
        @Size(max = 32) String employerCreditCode,
        @NotNull EmploymentForm employmentForm,
        @Size(max = 16) List<@NotBlank @Size(max = 64) String> platforms) {

    public static EmploymentDetails details(EmploymentRequest request) {
        return request == null ? null : new EmploymentDetails(request.employerName(),
                request.employerCreditCode(), request.employmentForm().name(), request.platforms());
    }
}
