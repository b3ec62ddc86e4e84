package cn.smartunion.aid.casefile.domain;

/** How a household member is related to the head of the household. */
public enum Relation {
    SPOUSE,
    CHILD,
    PARENT,
    OTHER
}
