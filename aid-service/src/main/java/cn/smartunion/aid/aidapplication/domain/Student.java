package cn.smartunion.aid.aidapplication.domain;

/**
 * The student a 金秋助学 application is for, often a minor: restricted data. Only the pseudonymous person id, masked
 * forms and the school's ciphertext are kept.
 */
public record Student(String personId, String maskedName, String maskedIdNumber, boolean minor,
                      StudyLevel studyLevel, String schoolCiphertext) {
}
