package cn.smartunion.competition.innovation.domain;

import cn.smartunion.competition.web.CompetitionRuleViolation;
import cn.smartunion.competition.web.CompetitionStatusConflict;
import cn.smartunion.contracts.competition.InnovationBenefitRecorded;
import cn.smartunion.contracts.competition.InnovationEvaluated;
import cn.smartunion.contracts.competition.InnovationOutcome;
import cn.smartunion.contracts.competition.InnovationSubmitted;
import cn.smartunion.contracts.competition.InnovationType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A worker innovation (五小, 合理化建议, 技术革新, 先进操作法) of a unit, kept by a union: submitted by a member for
 * themselves or by staff, evaluated once (adopted or not, with a reason), and for adopted ones the verified economic
 * benefit, each new figure a further revision (the earlier ones stay as history).
 *
 * @param authors members (memberId) and non-members (personId from the person registry)
 */
public record Innovation(String id, String orgId, String orgPath, InnovationType type, String title, String summary,
                         String unitCreditCode, List<Author> authors, boolean patent, boolean byMember,
                         String submittedBy, Instant submittedAt, InnovationStatus status, Evaluation evaluation,
                         List<Benefit> benefits, long version) {

    public record Author(String memberId, String personId) {
    }

    public record Evaluation(InnovationOutcome outcome, String reason, LocalDate evaluatedOn, String evaluatedBy,
                             Instant evaluatedAt) {
    }

    /** @param verifiedBy the department or body that verified the figure (e.g. the unit's finance department) */
    public record Benefit(int revision, long amountFen, LocalDate periodFrom, LocalDate periodTo, String verifiedBy,
                          LocalDate verifiedOn, String recordedBy, Instant recordedAt) {
    }

    public Innovation {
        authors = List.copyOf(authors);
        benefits = benefits == null ? List.of() : List.copyOf(benefits);
    }

    public static Innovation submit(String id, String orgId, String orgPath, InnovationType type, String title,
                                    String summary, String unitCreditCode, List<Author> authors, boolean patent,
                                    boolean byMember, String submittedBy, Instant now) {
        List<Author> distinct = authors.stream().distinct().toList();
        if (distinct.isEmpty() || distinct.size() > 50) {
            throw new CompetitionRuleViolation("authors", "one to fifty authors are required");
        }
        return new Innovation(id, orgId, orgPath, type, title, summary, unitCreditCode, distinct, patent, byMember,
                submittedBy, now, InnovationStatus.SUBMITTED, null, List.of(), 0);
    }

    public InnovationSubmitted submitted() {
        return new InnovationSubmitted(id, type, unitCreditCode, authors.size(),
                authors.stream().map(Author::memberId).filter(Objects::nonNull).toList(), patent, byMember, orgId,
                orgPath, submittedAt);
    }

    public Innovation evaluate(InnovationOutcome outcome, String reason, LocalDate on, String by, Instant now) {
        if (status != InnovationStatus.SUBMITTED) {
            throw new CompetitionStatusConflict("the innovation", status.name());
        }
        if (outcome == InnovationOutcome.NOT_ADOPTED && (reason == null || reason.isBlank())) {
            throw new CompetitionRuleViolation("reason", "a reason is required when not adopting");
        }
        InnovationStatus next = outcome == InnovationOutcome.ADOPTED ? InnovationStatus.ADOPTED
                : InnovationStatus.NOT_ADOPTED;
        return new Innovation(id, orgId, orgPath, type, title, summary, unitCreditCode, authors, patent, byMember,
                submittedBy, submittedAt, next, new Evaluation(outcome, reason, on, by, now), benefits, version);
    }

    public InnovationEvaluated evaluated() {
        return new InnovationEvaluated(id, type, evaluation.outcome(), unitCreditCode, authors.size(), orgId, orgPath,
                evaluation.evaluatedOn(), evaluation.evaluatedAt());
    }

    /** A verified figure for adopted innovations; a later one is a new revision, the earlier ones are kept. */
    public Innovation recordBenefit(long amountFen, LocalDate from, LocalDate to, String verifiedBy,
                                    LocalDate verifiedOn, String by, Instant now) {
        if (status != InnovationStatus.ADOPTED) {
            throw new CompetitionStatusConflict("the innovation", status.name());
        }
        if (to.isBefore(from)) {
            throw new CompetitionRuleViolation("periodTo", "the period must not end before it starts");
        }
        if (verifiedOn.isBefore(evaluation.evaluatedOn())) {
            throw new CompetitionRuleViolation("verifiedOn", "a benefit is verified after the adoption");
        }
        List<Benefit> next = new ArrayList<>(benefits);
        next.add(new Benefit(benefits.size() + 1, amountFen, from, to, verifiedBy, verifiedOn, by, now));
        return new Innovation(id, orgId, orgPath, type, title, summary, unitCreditCode, authors, patent, byMember,
                submittedBy, submittedAt, status, evaluation, next, version);
    }

    public Benefit currentBenefit() {
        return benefits.isEmpty() ? null : benefits.get(benefits.size() - 1);
    }

    public InnovationBenefitRecorded benefitRecorded() {
        Benefit current = currentBenefit();
        Long previous = benefits.size() > 1 ? benefits.get(benefits.size() - 2).amountFen() : null;
        return new InnovationBenefitRecorded(id, type, unitCreditCode, current.revision(), current.amountFen(),
                previous, current.periodFrom(), current.periodTo(), current.verifiedOn(), orgId, orgPath,
                current.recordedAt());
    }
}
