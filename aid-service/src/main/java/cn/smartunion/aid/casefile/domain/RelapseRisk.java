package cn.smartunion.aid.casefile.domain;

/** How likely a monitored household is to fall back into hardship (返困风险), as judged on a visit. */
public enum RelapseRisk {
    LOW,
    MEDIUM,
    HIGH
}
