package cn.smartunion.competition.judging.domain;

/**
 * One aspect of the marking scheme.
 *
 * @param code     stable code, e.g. {@code WELD_QUALITY}
 * @param maxMarks the criterion's weight: the maximum marks of a stage's criteria sum to 100
 */
public record Criterion(String code, String name, CriterionKind kind, int maxMarks) {
}
