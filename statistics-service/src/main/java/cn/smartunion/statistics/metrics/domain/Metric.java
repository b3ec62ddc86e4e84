package cn.smartunion.statistics.metrics.domain;

import java.util.Arrays;
import java.util.Optional;

import static cn.smartunion.statistics.metrics.domain.MeasureUnit.CASES;
import static cn.smartunion.statistics.metrics.domain.MeasureUnit.CONTRACTS;
import static cn.smartunion.statistics.metrics.domain.MeasureUnit.HOUSEHOLDS;
import static cn.smartunion.statistics.metrics.domain.MeasureUnit.ITEMS;
import static cn.smartunion.statistics.metrics.domain.MeasureUnit.ORGANISATIONS;
import static cn.smartunion.statistics.metrics.domain.MeasureUnit.PERSONS;
import static cn.smartunion.statistics.metrics.domain.MeasureUnit.PERSON_TIMES;
import static cn.smartunion.statistics.metrics.domain.MeasureUnit.RATE;
import static cn.smartunion.statistics.metrics.domain.MeasureUnit.UNITS;
import static cn.smartunion.statistics.metrics.domain.MeasureUnit.YUAN;

/**
 * The published figures (DOMAIN.md §8) this service computes. Codes are stable: reports and pages refer to them.
 * {@link #stock()} metrics are taken on the period's last day, the others count events in the period.
 */
public enum Metric {
    MEMBERS("membership.members", "会员总数", PERSONS, true),
    NEW_MEMBERS("membership.new-members", "新发展会员", PERSONS, false),
    NEW_MEMBERS_NEW_FORM("membership.new-members.new-form-workers", "新发展会员：新就业形态劳动者", PERSONS, false),
    NEW_MEMBERS_MIGRANT("membership.new-members.migrant-workers", "新发展会员：农民工", PERSONS, false),
    COLLECTIVE_ENROLMENT("membership.collective-enrolment", "集中入会人数", PERSONS, false),
    NEW_UNIONS("membership.new-unions", "新组建工会数", ORGANISATIONS, false),

    AID_FUNDS("aid.funds-disbursed", "帮扶资金投入", YUAN, false),
    CONDOLENCE_PERSON_TIMES("aid.condolence.person-times", "慰问人次", PERSON_TIMES, false),
    CONDOLENCE_PERSONS("aid.condolence.persons", "慰问职工人数", PERSONS, false),
    SCHOOL_AID_BENEFICIARIES("aid.school-aid.beneficiaries", "金秋助学资助人数", PERSONS, false),
    SCHOOL_AID_AMOUNT("aid.school-aid.amount", "金秋助学资助金额", YUAN, false),
    HOUSEHOLDS_FILED("aid.hardship.households-filed", "建档困难职工户数", HOUSEHOLDS, false),
    HOUSEHOLDS_RELIEVED("aid.hardship.households-relieved", "解困脱困户数", HOUSEHOLDS, false),
    MUTUAL_AID_ENROLMENTS("aid.mutual-aid.enrolments", "互助保障参保人次", PERSON_TIMES, false),
    MUTUAL_AID_PAID("aid.mutual-aid.paid", "互助保障赔付金额", YUAN, false),

    DISPUTES_OPENED("rights.disputes.opened", "劳动争议受理数", CASES, false),
    DISPUTES_CLOSED("rights.disputes.closed", "劳动争议办结数", CASES, false),
    DISPUTE_WORKERS("rights.disputes.workers", "劳动争议涉及人数", PERSONS, false),
    DISPUTE_RECOVERED("rights.disputes.recovered", "挽回经济损失", YUAN, false),
    MEDIATION_SUCCESS_RATE("rights.disputes.mediation-success-rate", "调解成功率", RATE, false),
    NO_FURTHER_COMPLAINT_RATE("rights.disputes.no-further-complaint-rate", "结案息诉率", RATE, false),
    WORK_ORDERS("rights.work-orders.created", "12351工单数", CASES, false),
    WORK_ORDER_RESOLUTION_RATE("rights.work-orders.resolution-rate", "12351工单办结率", RATE, false),
    WORK_ORDER_SLA_RATE("rights.work-orders.sla-rate", "12351工单SLA达标率", RATE, false),
    WORK_ORDER_SATISFACTION("rights.work-orders.satisfaction-rate", "12351满意度", RATE, false),
    SUPERVISION_NOTICES("rights.supervision.notices", "一函两书发出数", CASES, false),
    CONTRACTS_IN_FORCE("rights.collective-contracts.in-force", "集体合同数", CONTRACTS, true),
    CONTRACT_WORKERS("rights.collective-contracts.workers-covered", "集体合同覆盖职工", PERSONS, true),
    WORK_ORDER_CALLS("rights.work-orders.calls", "12351来电量", CASES, false),
    WORK_ORDER_RECOVERED("rights.work-orders.recovered", "12351讨薪金额", YUAN, false),
    LEGAL_AID_CASES("rights.legal-aid.cases", "法律援助件数", CASES, false),
    LEGAL_AID_PERSONS("rights.legal-aid.persons", "法律援助人数", PERSONS, false),

    COMPETITIONS("competition.competitions", "竞赛项数", ITEMS, false),
    PARTICIPANT_TIMES("competition.participant-times", "参赛职工人次", PERSON_TIMES, false),
    PARTICIPATING_UNITS("competition.units", "参赛单位数", UNITS, false),
    TITLE_HOLDERS("competition.titles", "获奖职工人数（按称号）", PERSONS, false),
    SKILL_CERTIFIED("competition.skill-certified", "技能等级认定人数", PERSONS, false),
    HONOURS("competition.honours", "荣誉数（按类型）", ITEMS, false),
    INNOVATION_SUBMISSIONS("competition.innovation.submissions", "五小/合理化建议件数", CASES, false),
    INNOVATION_ADOPTED("competition.innovation.adopted", "五小/合理化建议采纳数", CASES, false),
    INNOVATION_BENEFIT("competition.innovation.benefit", "创新经济效益", YUAN, false),
    STUDIOS("competition.innovation.studios", "创新工作室数", ORGANISATIONS, true);

    private final String code;
    private final String label;
    private final MeasureUnit unit;
    private final boolean stock;

    Metric(String code, String label, MeasureUnit unit, boolean stock) {
        this.code = code;
        this.label = label;
        this.unit = unit;
        this.stock = stock;
    }

    public static Optional<Metric> byCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public MeasureUnit unit() {
        return unit;
    }

    /** Taken on the period's last day rather than counted over the period. */
    public boolean stock() {
        return stock;
    }
}
