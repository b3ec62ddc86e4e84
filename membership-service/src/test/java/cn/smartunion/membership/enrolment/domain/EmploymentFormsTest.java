package cn.smartunion.membership.enrolment.domain;

import cn.smartunion.membership.member.domain.EmploymentForm;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class EmploymentFormsTest {

    @Test
    void rosterNamesResolveToExactlyTheMemberRecordsEmploymentForms() {
        assertThat(EmploymentForms.DEFAULT.entries()).extracting(Catalogue.Entry::code)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(EmploymentForm.values()).map(Enum::name).toList());
        assertThat(EmploymentForms.DEFAULT.resolve("劳务派遣")).contains("DISPATCHED");
    }
}
