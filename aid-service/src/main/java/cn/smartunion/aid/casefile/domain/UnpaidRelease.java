package cn.smartunion.aid.casefile.domain;

/**
 * Approved money the case will no longer pay, to be given back to its budget line. It is recorded on the case in the
 * same write that zeroes the case's unpaid amount and cleared once the line has it back, so a crash in between is
 * finished by the next command on the case.
 */
public record UnpaidRelease(String budgetLineId, String releaseId, long amountFen) {
}
