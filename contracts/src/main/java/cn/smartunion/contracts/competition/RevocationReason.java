package cn.smartunion.contracts.competition;

public enum RevocationReason {
    MISCONDUCT, CRIMINAL_CONVICTION, FALSIFIED_RECORD, OTHER
}
