package cn.smartunion.competition.judging.domain;

/** Why a judge may not score an entry: automatic conflicts of interest, or the judge's own recusal. */
public enum ExclusionReason {
    SAME_UNION, SAME_EMPLOYER, OWN_ENTRY, RECUSED
}
