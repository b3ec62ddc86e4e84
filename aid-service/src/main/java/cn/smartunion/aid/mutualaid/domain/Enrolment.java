package cn.smartunion.aid.mutualaid.domain;

import cn.smartunion.aid.eligibility.domain.SocialInsurance;
import cn.smartunion.contracts.aid.ContributionPayer;
import cn.smartunion.contracts.aid.EnrolmentChannel;
import cn.smartunion.contracts.aid.MutualAidEnrolled;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A member's enrolment (参保) in a plan for its plan year. Coverage runs from the enrolment date, or from the first day
 * of the plan year when the member enrols ahead of it, to the last day of the plan year: never backwards before the
 * enrolment date, so nobody joins after falling ill.
 */
public record Enrolment(String id, String planId, String programmeCode, int planVersion, int planYear,
                        String memberId, String orgId, String orgPath, ContributionPayer paidBy,
                        EnrolmentChannel channel, SocialInsurance socialInsurance, long contributionFen,
                        LocalDate enrolledOn, LocalDate coverageStartsOn, LocalDate coverageEndsOn, String enrolledBy,
                        Instant enrolledAt) {

    public record Enrolled(Enrolment enrolment, MutualAidEnrolled event) {
    }

    /**
     * Enrols the member of the union {@code orgId}/{@code orgPath} on {@code enrolledOn} under the version in force
     * that day.
     *
     * @throws IllegalArgumentException when the plan year is over on the enrolment date
     */
    public static Enrolled enrol(String id, MutualAidPlan plan, String memberId, String orgId, String orgPath,
                                 ContributionPayer paidBy, EnrolmentChannel channel, SocialInsurance insurance,
                                 LocalDate enrolledOn, String enrolledBy, Instant now) {
        if (enrolledOn.isAfter(plan.yearEnd())) {
            throw new IllegalArgumentException("plan year " + plan.planYear() + " is over");
        }
        PlanVersion version = plan.versionOn(enrolledOn);
        LocalDate starts = enrolledOn.isBefore(plan.yearStart()) ? plan.yearStart() : enrolledOn;
        Enrolment enrolment = new Enrolment(id, plan.id(), plan.programmeCode(), version.version(), plan.planYear(),
                memberId, orgId, orgPath, paidBy, channel, insurance, version.contributionFen(), enrolledOn, starts,
                plan.yearEnd(), enrolledBy, now);
        return new Enrolled(enrolment, new MutualAidEnrolled(id, memberId, plan.id(), version.version(),
                plan.planYear(), orgId, orgPath, paidBy, channel, version.contributionFen(), starts, plan.yearEnd(),
                now));
    }

    /** Whether the enrolment covered an illness that began on {@code date}. */
    public boolean covers(LocalDate date) {
        return !date.isBefore(coverageStartsOn) && !date.isAfter(coverageEndsOn);
    }
}
