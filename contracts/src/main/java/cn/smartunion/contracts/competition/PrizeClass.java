package cn.smartunion.contracts.competition;

/** Prize classes awarded from competition results: 一等奖, 二等奖, 三等奖, 优秀奖 (优胜奖). */
public enum PrizeClass {
    FIRST, SECOND, THIRD, EXCELLENCE
}
