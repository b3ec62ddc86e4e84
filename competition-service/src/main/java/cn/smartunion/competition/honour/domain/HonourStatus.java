package cn.smartunion.competition.honour.domain;

public enum HonourStatus {
    CONFERRED, REVOKED
}
