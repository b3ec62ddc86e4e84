package cn.smartunion.competition.judging.domain;

/**
 * How a criterion is marked (WorldSkills practice): a measurement is scored objectively once per entry (the marks
 * awarded, 0..max); a judgement is scored 0–3 by several judges and earns mean/3 × max.
 */
public enum CriterionKind {
    MEASUREMENT, JUDGEMENT
}
