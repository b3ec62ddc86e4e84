package cn.smartunion.contracts.competition;

/** Who acted on an entry: the worker themself, a union admin on their behalf (帮办、代办) or the organiser. */
public enum RegistrarKind {
    SELF, UNION_ADMIN, ORGANISER
}
