package cn.smartunion.contracts.rights;

/** The kind of collective contract (集体合同). Carried by the bargaining events. */
public enum ContractType {
    /** 综合性集体合同. */
    COMPREHENSIVE,
    /** 工资专项集体合同. */
    WAGE,
    /** 技能等级工资专项集体合同. */
    SKILL_LEVEL_WAGE,
    /** 女职工权益保护专项集体合同. */
    WOMEN_WORKERS,
    /** 劳动安全卫生专项集体合同. */
    SAFETY,
    /** 行业性集体合同. */
    INDUSTRY,
    /** 区域性集体合同. */
    REGIONAL
}
