package cn.smartunion.competition.registration.domain;

import cn.smartunion.competition.competition.domain.CompetitionDetails;
import cn.smartunion.competition.members.domain.MemberView;
import cn.smartunion.competition.web.NotEligible;

import java.time.LocalDate;
import java.time.Period;
import java.util.Collections;

/** A competition's eligibility rules applied to one participant. Messages never name the person. */
public final class EntryRules {

    private EntryRules() {
    }

    /**
     * @param index     the participant's position in the request, for the problem
     * @param member    the participant's member record, null for a non-member
     * @param closesOn  the registration close date, the day ages are taken on
     * @throws NotEligible with NOT_A_MEMBER, GROUP_NOT_ELIGIBLE or AGE_OUT_OF_RANGE
     */
    public static void check(CompetitionDetails.Eligibility rules, int index, LocalDate birthDate, MemberView member,
                             LocalDate closesOn) {
        if (rules.membersOnly() && (member == null || !member.isMember())) {
            throw new NotEligible(NotEligible.Reason.NOT_A_MEMBER, index,
                    "the competition is for union members only and participant " + index + " is not one");
        }
        if (!rules.groupTags().isEmpty()
                && (member == null || Collections.disjoint(member.groupTags(), rules.groupTags()))) {
            throw new NotEligible(NotEligible.Reason.GROUP_NOT_ELIGIBLE, index,
                    "participant " + index + " belongs to none of the worker groups the competition is for");
        }
        int age = Period.between(birthDate, closesOn).getYears();
        if ((rules.minAge() != null && age < rules.minAge()) || (rules.maxAge() != null && age > rules.maxAge())) {
            throw new NotEligible(NotEligible.Reason.AGE_OUT_OF_RANGE, index,
                    "participant " + index + " is outside the competition's age range on the registration close date");
        }
    }
}
