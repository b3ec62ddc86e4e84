package cn.smartunion.aid.mutualaid.domain;

import cn.smartunion.aid.web.AidRuleViolation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A mutual medical aid plan (职工医疗互助) of one union for one plan year: which diseases it pays for, the
 * contribution, the payout limits and the budget line payouts are committed on. Its terms are published as versions
 * (Xuchang's list grew from 15 to 21 diseases); a version never changes once published, and a new one takes effect
 * from a date within the plan year, never before the previous one and never in the past.
 */
public record MutualAidPlan(String id, String programmeCode, String orgId, String orgPath, int planYear,
                            String budgetLineId, List<PlanVersion> versions, String createdBy, Instant createdAt) {

    public static final int MAX_DISEASES = 200;

    public MutualAidPlan {
        versions = versions.stream().sorted(Comparator.comparingInt(PlanVersion::version)).toList();
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("a plan has at least its first version");
        }
    }

    /** Terms of a version to publish. */
    public record Terms(List<String> coveredDiseases, long contributionFen, long maxPayoutFen, long annualLimitFen) {
    }

    /** The plan with its first version, in force from the first day of the plan year. */
    public static MutualAidPlan create(String id, String programmeCode, String orgId, String orgPath, int planYear,
                                       String budgetLineId, Terms terms, String createdBy, Instant now) {
        PlanVersion first = version(1, LocalDate.of(planYear, 1, 1), terms, createdBy, now);
        return new MutualAidPlan(id, programmeCode, orgId, orgPath, planYear, budgetLineId, List.of(first),
                createdBy, now);
    }

    /**
     * The next version, in force from {@code effectiveFrom}.
     *
     * @throws AidRuleViolation when the date is outside the plan year, before the latest version's or before today
     */
    public PlanVersion nextVersion(LocalDate effectiveFrom, Terms terms, LocalDate today, String publishedBy,
                                   Instant now) {
        if (effectiveFrom.getYear() != planYear) {
            throw new AidRuleViolation("effectiveFrom", "must fall within plan year " + planYear);
        }
        if (effectiveFrom.isBefore(today)) {
            throw new AidRuleViolation("effectiveFrom", "a version cannot take effect in the past");
        }
        if (effectiveFrom.isBefore(latest().effectiveFrom())) {
            throw new AidRuleViolation("effectiveFrom", "must not be before the latest version's date "
                    + latest().effectiveFrom());
        }
        return version(latest().version() + 1, effectiveFrom, terms, publishedBy, now);
    }

    public PlanVersion latest() {
        return versions.get(versions.size() - 1);
    }

    /**
     * The version in force on {@code date}: the latest one in force from that date or before (of two from the same
     * date, the later published); the first version for a date before the plan year.
     */
    public PlanVersion versionOn(LocalDate date) {
        PlanVersion inForce = versions.get(0);
        for (PlanVersion v : versions) {
            if (!v.effectiveFrom().isAfter(date)) {
                inForce = v;
            }
        }
        return inForce;
    }

    public LocalDate yearStart() {
        return LocalDate.of(planYear, 1, 1);
    }

    public LocalDate yearEnd() {
        return LocalDate.of(planYear, 12, 31);
    }

    public String cycle() {
        return String.valueOf(planYear);
    }

    public MutualAidPlan with(PlanVersion published) {
        List<PlanVersion> all = new ArrayList<>(versions);
        all.add(published);
        return new MutualAidPlan(id, programmeCode, orgId, orgPath, planYear, budgetLineId, all, createdBy, createdAt);
    }

    private static PlanVersion version(int number, LocalDate effectiveFrom, Terms terms, String by, Instant now) {
        List<String> diseases = List.copyOf(new LinkedHashSet<>(terms.coveredDiseases().stream()
                .map(PlanVersion::normalise).toList()));
        if (diseases.isEmpty() || diseases.size() > MAX_DISEASES) {
            throw new AidRuleViolation("coveredDiseases", "must list 1 to " + MAX_DISEASES + " diseases");
        }
        if (terms.contributionFen() < 0) {
            throw new AidRuleViolation("contributionFen", "must not be negative");
        }
        if (terms.maxPayoutFen() <= 0) {
            throw new AidRuleViolation("maxPayoutFen", "must be positive");
        }
        if (terms.annualLimitFen() < terms.maxPayoutFen()) {
            throw new AidRuleViolation("annualLimitFen", "must be at least the payout per claim");
        }
        return new PlanVersion(number, effectiveFrom, diseases, terms.contributionFen(), terms.maxPayoutFen(),
                terms.annualLimitFen(), by, now);
    }
}
