package cn.smartunion.aid.eligibility.domain;

/** Whom a programme serves: many campaigns serve non-members too (先服务后入会, 农民工, 环卫工人). */
public enum Audience {
    MEMBERS,
    ANY_WORKER
}
