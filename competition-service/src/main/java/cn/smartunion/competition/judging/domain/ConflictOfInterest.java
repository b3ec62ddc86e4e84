package cn.smartunion.competition.judging.domain;

import java.util.Optional;

/**
 * A judge is excluded from an entry when they take part in it, or when any participant belongs to the judge's
 * grassroots union or works for the judge's employer (the entry's unit counts as an employer). Membership data
 * decides: a judge or participant without a known union or employer conflicts on nothing.
 */
public final class ConflictOfInterest {

    private ConflictOfInterest() {
    }

    public static Optional<ExclusionReason> between(String judgeMemberId, String judgeOrgId,
                                                    String judgeEmployerCreditCode, StageEntry entry) {
        if (entry.hasParticipant(judgeMemberId)) {
            return Optional.of(ExclusionReason.OWN_ENTRY);
        }
        if (judgeOrgId != null && entry.participants().stream().anyMatch(p -> judgeOrgId.equals(p.orgId()))) {
            return Optional.of(ExclusionReason.SAME_UNION);
        }
        if (judgeEmployerCreditCode != null
                && (judgeEmployerCreditCode.equals(entry.unitCreditCode()) || entry.participants().stream()
                .anyMatch(p -> judgeEmployerCreditCode.equals(p.employerCreditCode())))) {
            return Optional.of(ExclusionReason.SAME_EMPLOYER);
        }
        return Optional.empty();
    }

    /** Thrown when a judge tries to score an entry they are excluded from. */
    public static class Excluded extends RuntimeException {

        private final ExclusionReason reason;

        public Excluded(ExclusionReason reason) {
            super("the judge is excluded from this entry (" + reason + ")");
            this.reason = reason;
        }

        public ExclusionReason reason() {
            return reason;
        }
    }
}
