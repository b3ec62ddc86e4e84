package cn.smartunion.membership.enrolment.domain;

/** Why the import itself refuses a row, before the member register is asked. */
public enum RowProblem {
    /** A required field (name, ID number) is empty. */
    MISSING_REQUIRED_FIELD,
    /** The citizen ID number fails GB 11643 (length, characters, region, birth date, check character). */
    INVALID_CITIZEN_ID,
    /** Not a mainland mobile number. */
    INVALID_MOBILE_PHONE,
    /** The employer's unified social credit code fails GB 32100. */
    INVALID_CREDIT_CODE,
    /** A group tag that the province's catalogue does not know. */
    UNKNOWN_GROUP_TAG,
    /** An employment form that the catalogue does not know. */
    UNKNOWN_EMPLOYMENT_FORM,
    /** A value longer than the field allows. */
    VALUE_TOO_LONG,
    /** The same person (ID number) appears on an earlier row of the same file. */
    DUPLICATE_IN_FILE,
    /** The row names an organisation that is not the job's organisation or below it. */
    ORG_OUT_OF_SCOPE
}
