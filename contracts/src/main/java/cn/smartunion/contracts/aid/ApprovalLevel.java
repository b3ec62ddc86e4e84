package cn.smartunion.contracts.aid;

/** The level of union that approved a hardship file (审批层级). Carried by {@code HardshipCaseApproved}. */
public enum ApprovalLevel {
    COUNTY,
    CITY,
    PROVINCE
}
