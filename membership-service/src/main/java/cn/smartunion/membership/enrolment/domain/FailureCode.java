package cn.smartunion.membership.enrolment.domain;

/** Why a job ended without completing. Rows enrolled before the failure stay enrolled. */
public enum FailureCode {
    /** The stored roster could not be read to the end (corrupt workbook, broken text). */
    FILE_UNREADABLE,
    /** The stored roster is gone or cannot be decrypted (e.g. its key was removed). */
    FILE_MISSING,
    /** Workers kept dying or failing on this job; it is not tried again. */
    INTERRUPTED_REPEATEDLY
}
