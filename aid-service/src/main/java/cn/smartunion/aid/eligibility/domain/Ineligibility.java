package cn.smartunion.aid.eligibility.domain;

/** Why an applicant does not qualify; the codes are part of the API (problem {@code reasons}). */
public enum Ineligibility {
    NOT_A_MEMBER,
    MEMBERSHIP_TERMINATED,
    MEMBERSHIP_RETAINED,
    GROUP_NOT_SERVED,
    SOCIAL_INSURANCE_NOT_COVERED,
    NOT_A_MODEL_WORKER
}
