package cn.smartunion.contracts.aid;

/** How a member was enrolled in a mutual-aid plan (参保方式). Carried by {@code MutualAidEnrolled}. */
public enum EnrolmentChannel {
    /** The member enrolled through the app. */
    SELF,
    /** Union staff enrolled the member. */
    STAFF,
    /** Part of an employer's (单位) bulk enrolment. */
    UNIT_BULK
}
