package cn.smartunion.contracts.competition;

/** Class of a competition (一类/二类/三类), which usually decides the honours a winner may receive. */
public enum CompetitionClass {
    FIRST, SECOND, THIRD, UNCLASSED
}
