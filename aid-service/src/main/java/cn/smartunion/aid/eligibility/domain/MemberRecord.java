package cn.smartunion.aid.eligibility.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What aid-service knows of one member from membership-service's events: where they belong, their worker groups, and
 * each change of standing with the date it took effect, so eligibility can be decided for any date (a claim is judged
 * on the date of illness, not the date it is filed).
 */
public record MemberRecord(String memberId, String orgId, String orgPath, Set<String> groupTags,
                           List<StandingChange> changes) {

    public record StandingChange(MemberStanding standing, LocalDate from) {
    }

    public MemberRecord {
        groupTags = groupTags == null ? Set.of() : Set.copyOf(groupTags);
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** The standing in effect on {@code date}: the latest change that took effect on or before it. */
    public MemberStanding standingOn(LocalDate date) {
        MemberStanding standing = MemberStanding.NOT_A_MEMBER;
        LocalDate latest = null;
        for (StandingChange change : changes) {
            if (!change.from().isAfter(date) && (latest == null || !change.from().isBefore(latest))) {
                standing = change.standing();
                latest = change.from();
            }
        }
        return standing;
    }

    public Applicant asApplicantOn(LocalDate date, SocialInsurance socialInsurance) {
        return new Applicant(standingOn(date), groupTags, socialInsurance);
    }
}
