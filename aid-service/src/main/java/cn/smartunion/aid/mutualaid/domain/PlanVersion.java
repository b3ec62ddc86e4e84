package cn.smartunion.aid.mutualaid.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One published version of a mutual-aid plan: immutable once published. A claim is judged against the version in
 * force on the date the illness began; an enrolment records the version in force when the member joined.
 *
 * @param coveredDiseases disease codes ({@code ICD10:C50} or local codes) the version pays for
 * @param contributionFen contribution per person per plan year, in fen
 * @param maxPayoutFen    most paid on one claim, in fen
 * @param annualLimitFen  most paid to one member in the plan year, in fen
 */
public record PlanVersion(int version, LocalDate effectiveFrom, List<String> coveredDiseases, long contributionFen,
                          long maxPayoutFen, long annualLimitFen, String publishedBy, Instant publishedAt) {

    public PlanVersion {
        coveredDiseases = List.copyOf(coveredDiseases);
    }

    public boolean covers(String diseaseCode) {
        return coveredDiseases.contains(normalise(diseaseCode));
    }

    /** Codes compare trimmed and upper-case: {@code icd10:c50} is {@code ICD10:C50}. */
    public static String normalise(String diseaseCode) {
        return diseaseCode == null ? null : diseaseCode.trim().toUpperCase(java.util.Locale.ROOT);
    }
}
