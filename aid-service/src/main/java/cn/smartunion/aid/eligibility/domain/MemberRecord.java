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
                           List<StandingChange> changes, List<Honour> honours) {

    public record StandingChange(MemberStanding standing, LocalDate from) {
    }

    /**
     * An honour competition-service conferred on the member (劳模, 五一劳动奖章 …), with the date it was revoked if it
     * was: model workers are entitled to model-worker care (劳模"三金", 困难劳模帮扶, 疗休养).
     *
     * @param type  the contract's {@code HonourType} code, e.g. {@code MODEL_WORKER}
     * @param level the contract's {@code HonourLevel} code, e.g. {@code PROVINCIAL}
     */
    public record Honour(String honourId, String type, String level, String cycle, LocalDate conferredOn,
                         LocalDate revokedOn) {

        public boolean standing() {
            return revokedOn == null;
        }
    }

    public MemberRecord {
        groupTags = groupTags == null ? Set.of() : Set.copyOf(groupTags);
        changes = changes == null ? List.of() : List.copyOf(changes);
        honours = honours == null ? List.of() : List.copyOf(honours);
    }

    /** Holds a standing 劳模 honour (model worker or advanced worker, any level). */
    public boolean isModelWorker() {
        return honours.stream().anyMatch(h -> h.standing()
                && ("MODEL_WORKER".equals(h.type()) || "ADVANCED_WORKER".equals(h.type())));
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
        return new Applicant(standingOn(date), groupTags, socialInsurance, isModelWorker());
    }
}
