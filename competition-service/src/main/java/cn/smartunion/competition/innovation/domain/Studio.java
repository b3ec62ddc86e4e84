package cn.smartunion.competition.innovation.domain;

import cn.smartunion.competition.web.CompetitionRuleViolation;
import cn.smartunion.competition.web.CompetitionStatusConflict;
import cn.smartunion.contracts.competition.InnovationStudioRegistered;
import cn.smartunion.contracts.competition.StudioLevel;
import cn.smartunion.contracts.competition.StudioLevelChanged;
import cn.smartunion.contracts.competition.StudioRating;
import cn.smartunion.contracts.competition.StudioReviewed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An innovation studio (劳模/工匠/职工创新工作室) in a union's registry: its level (with the history of changes), its
 * periodic reviews (the next one due a review period after the last; REVOKED closes it), funding granted and the
 * outputs it reports per year.
 */
public record Studio(String id, String orgId, String orgPath, String name, String unitCreditCode,
                     String leaderMemberId, StudioLevel level, boolean demonstration, String alliance,
                     LocalDate foundedOn, int reviewPeriodMonths, LocalDate nextReviewDue, Long fundingGrantedFen,
                     StudioStatus status, List<LevelChange> levelChanges, List<Review> reviews,
                     List<Outputs> outputs, Instant registeredAt, long version) {

    public record LevelChange(StudioLevel from, StudioLevel to, LocalDate effectiveOn, String changedBy,
                              Instant changedAt) {
    }

    public record Review(StudioRating rating, LocalDate reviewedOn, LocalDate nextReviewDue, Long fundingGrantedFen,
                         String reviewedBy, Instant reviewedAt) {
    }

    public record Outputs(int year, int projects, int patents, int peopleTrained, long benefitFen) {
    }

    public Studio {
        levelChanges = levelChanges == null ? List.of() : List.copyOf(levelChanges);
        reviews = reviews == null ? List.of() : List.copyOf(reviews);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
    }

    public static Studio register(String id, String orgId, String orgPath, String name, String unitCreditCode,
                                  String leaderMemberId, StudioLevel level, boolean demonstration, String alliance,
                                  LocalDate foundedOn, int reviewPeriodMonths, Long fundingGrantedFen,
                                  LocalDate today, Instant now) {
        if (foundedOn.isAfter(today)) {
            throw new CompetitionRuleViolation("foundedOn", "must not be in the future");
        }
        return new Studio(id, orgId, orgPath, name, unitCreditCode, leaderMemberId, level, demonstration, alliance,
                foundedOn, reviewPeriodMonths, foundedOn.plusMonths(reviewPeriodMonths), fundingGrantedFen,
                StudioStatus.ACTIVE, List.of(), List.of(), List.of(), now, 0);
    }

    public InnovationStudioRegistered registered() {
        return new InnovationStudioRegistered(id, level, demonstration, unitCreditCode, leaderMemberId, alliance,
                foundedOn, reviewPeriodMonths, nextReviewDue, fundingGrantedFen, orgId, orgPath, registeredAt);
    }

    public Studio changeLevel(StudioLevel to, LocalDate effectiveOn, String by, Instant now) {
        requireActive();
        if (to == level) {
            throw new CompetitionRuleViolation("level", "the studio is at this level already");
        }
        List<LevelChange> changes = new ArrayList<>(levelChanges);
        changes.add(new LevelChange(level, to, effectiveOn, by, now));
        return new Studio(id, orgId, orgPath, name, unitCreditCode, leaderMemberId, to, demonstration, alliance,
                foundedOn, reviewPeriodMonths, nextReviewDue, fundingGrantedFen, status, changes, reviews, outputs,
                registeredAt, version);
    }

    public StudioLevelChanged levelChanged() {
        LevelChange last = levelChanges.get(levelChanges.size() - 1);
        return new StudioLevelChanged(id, last.from(), last.to(), last.effectiveOn(), orgId, orgPath, last.changedAt());
    }

    public Studio review(StudioRating rating, LocalDate reviewedOn, Long fundingFen, String by, Instant now) {
        requireActive();
        if (reviewedOn.isBefore(foundedOn)) {
            throw new CompetitionRuleViolation("reviewedOn", "a review cannot come before the studio was founded");
        }
        boolean revoked = rating == StudioRating.REVOKED;
        LocalDate next = revoked ? null : reviewedOn.plusMonths(reviewPeriodMonths);
        List<Review> all = new ArrayList<>(reviews);
        all.add(new Review(rating, reviewedOn, next, fundingFen, by, now));
        Long funding = fundingFen == null ? fundingGrantedFen
                : (fundingGrantedFen == null ? 0L : fundingGrantedFen) + fundingFen;
        return new Studio(id, orgId, orgPath, name, unitCreditCode, leaderMemberId, level, demonstration, alliance,
                foundedOn, reviewPeriodMonths, next, funding, revoked ? StudioStatus.CLOSED : status, levelChanges, all,
                outputs, registeredAt, version);
    }

    public StudioReviewed reviewed() {
        Review last = reviews.get(reviews.size() - 1);
        return new StudioReviewed(id, level, last.rating(), last.reviewedOn(), last.nextReviewDue(),
                status == StudioStatus.CLOSED, last.fundingGrantedFen(), orgId, orgPath, last.reviewedAt());
    }

    /** The outputs of one year; reporting a year again replaces its figures. */
    public Studio reportOutputs(Outputs year) {
        List<Outputs> all = new ArrayList<>(outputs.stream().filter(o -> o.year() != year.year()).toList());
        all.add(year);
        all.sort((a, b) -> Integer.compare(a.year(), b.year()));
        return new Studio(id, orgId, orgPath, name, unitCreditCode, leaderMemberId, level, demonstration, alliance,
                foundedOn, reviewPeriodMonths, nextReviewDue, fundingGrantedFen, status, levelChanges, reviews, all,
                registeredAt, version);
    }

    private void requireActive() {
        if (status != StudioStatus.ACTIVE) {
            throw new CompetitionStatusConflict("the studio", status.name());
        }
    }
}
