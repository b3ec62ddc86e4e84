package cn.smartunion.contracts.membership;

/** Who performed a membership action: the worker, union staff on their behalf (帮办/代办), or an import job. */
public enum ActorKind {
    MEMBER,
    STAFF,
    IMPORT,
    SYSTEM
}
