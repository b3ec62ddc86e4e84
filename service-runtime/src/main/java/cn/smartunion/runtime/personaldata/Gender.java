package cn.smartunion.runtime.personaldata;

/** Gender as encoded in a citizen ID number (odd 17th digit: male, even: female). */
public enum Gender {
    MALE, FEMALE
}
