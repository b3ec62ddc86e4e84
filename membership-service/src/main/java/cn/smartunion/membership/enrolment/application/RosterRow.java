package cn.smartunion.membership.enrolment.application;

import cn.smartunion.runtime.personaldata.CitizenIdNumber;
import cn.smartunion.runtime.personaldata.UnifiedSocialCreditCode;

import java.util.List;

/**
 * One validated roster row: every value present is well-formed, group tags and employment form are catalogue codes,
 * and the target org is the job's org or one below it. Holds personal data: {@link #toString()} shows the row number
 * only.
 *
 * @param rowNumber          the row as a spreadsheet shows it
 * @param legalName          姓名, stripped
 * @param idNumber           公民身份号码, validated (GB 11643)
 * @param mobilePhone        11-digit mainland mobile number, or null
 * @param employerName       工作单位, or null
 * @param employerCreditCode the employer's 统一社会信用代码 (GB 32100), or null
 * @param employmentForm     a code of {@code EmploymentForms}, or null
 * @param platforms          platform names as written (美团, 饿了么 ...), possibly empty
 * @param groupTags          codes of the group-tag catalogue, possibly empty
 * @param orgId              the union the person joins
 * @param orgPath            its path
 */
public record RosterRow(int rowNumber, String legalName, CitizenIdNumber idNumber, String mobilePhone,
                        String employerName, UnifiedSocialCreditCode employerCreditCode, String employmentForm,
                        List<String> platforms, List<String> groupTags, String orgId, String orgPath) {

    public RosterRow {
        platforms = List.copyOf(platforms);
        groupTags = List.copyOf(groupTags);
    }

    @Override
    public String toString() {
        return "RosterRow[" + rowNumber + "]";
    }
}
