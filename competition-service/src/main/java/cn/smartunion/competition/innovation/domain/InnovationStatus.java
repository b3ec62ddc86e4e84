package cn.smartunion.competition.innovation.domain;

public enum InnovationStatus {
    SUBMITTED, ADOPTED, NOT_ADOPTED
}
