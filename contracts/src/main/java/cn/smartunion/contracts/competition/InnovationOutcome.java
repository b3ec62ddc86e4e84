package cn.smartunion.contracts.competition;

/** How the union's evaluation of an innovation ended: adopted (采纳) or not. */
public enum InnovationOutcome {
    ADOPTED, NOT_ADOPTED
}
