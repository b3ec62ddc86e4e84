package cn.smartunion.contracts.competition;

/**
 * Kinds of worker innovation: the 五小 (小发明, 小创造, 小革新, 小设计, 小建议), 合理化建议, 技术革新 and 先进操作法.
 */
public enum InnovationType {
    SMALL_INVENTION, SMALL_CREATION, SMALL_INNOVATION, SMALL_DESIGN, SMALL_SUGGESTION, RATIONALISATION_PROPOSAL,
    TECHNICAL_INNOVATION, ADVANCED_OPERATING_METHOD
}
