package cn.smartunion.aid.aidapplication.application;

import cn.smartunion.aid.aidapplication.domain.StudyLevel;
import cn.smartunion.aid.eligibility.domain.SocialInsurance;

import java.util.Set;

/**
 * @param memberId        the applicant's member id when they are a member (checked against membership's events)
 * @param groupTags       a non-member's worker groups as declared (a member's come from membership-service)
 * @param student         for study grants (金秋助学): the child or student the grant is for
 */
public record SubmitApplication(String programmeCode, String campaignId, String orgId, String cycle,
                                String applicantIdNumber, String applicantName, String memberId,
                                Set<String> groupTags, SocialInsurance socialInsurance, StudentDetails student,
                                long requestedFen) {

    public record StudentDetails(String citizenIdNumber, String legalName, String school, StudyLevel studyLevel) {

        @Override
        public String toString() {
            return "StudentDetails[" + studyLevel + "]";
        }
    }

    @Override
    public String toString() {
        return "SubmitApplication[" + programmeCode + ", " + cycle + "]";
    }
}
