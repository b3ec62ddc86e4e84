package cn.smartunion.statistics.metrics.adapter.in.web;

import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.aid.AidApplicationApproved;
import cn.smartunion.contracts.aid.AidApplicationSubmitted;
import cn.smartunion.contracts.aid.AidDisbursed;
import cn.smartunion.contracts.aid.BeneficiaryType;
import cn.smartunion.contracts.aid.CondolenceDelivered;
import cn.smartunion.contracts.aid.ContributionPayer;
import cn.smartunion.contracts.aid.DisbursementChannel;
import cn.smartunion.contracts.aid.DisbursementSource;
import cn.smartunion.contracts.aid.EnrolmentChannel;
import cn.smartunion.contracts.aid.FundingSource;
import cn.smartunion.contracts.aid.HardshipCaseFiled;
import cn.smartunion.contracts.aid.HardshipCaseRelieved;
import cn.smartunion.contracts.aid.HardshipCategory;
import cn.smartunion.contracts.aid.HardshipCause;
import cn.smartunion.contracts.aid.IdentificationChannel;
import cn.smartunion.contracts.aid.MutualAidClaimPaid;
import cn.smartunion.contracts.aid.MutualAidEnrolled;
import cn.smartunion.contracts.competition.Certifier;
import cn.smartunion.contracts.competition.CompetitionClass;
import cn.smartunion.contracts.competition.CompetitionLevel;
import cn.smartunion.contracts.competition.CompetitionPublished;
import cn.smartunion.contracts.competition.CompetitionType;
import cn.smartunion.contracts.competition.EntrantRegistered;
import cn.smartunion.contracts.competition.EntrantType;
import cn.smartunion.contracts.competition.HonourConferred;
import cn.smartunion.contracts.competition.HonourLevel;
import cn.smartunion.contracts.competition.HonourType;
import cn.smartunion.contracts.competition.InnovationBenefitRecorded;
import cn.smartunion.contracts.competition.InnovationEvaluated;
import cn.smartunion.contracts.competition.InnovationOutcome;
import cn.smartunion.contracts.competition.InnovationSubmitted;
import cn.smartunion.contracts.competition.InnovationType;
import cn.smartunion.contracts.competition.RecipientType;
import cn.smartunion.contracts.competition.RegistrarKind;
import cn.smartunion.contracts.competition.SkillLevel;
import cn.smartunion.contracts.competition.SkillLevelCertified;
import cn.smartunion.contracts.competition.TitleConferred;
import cn.smartunion.contracts.competition.TitleType;
import cn.smartunion.contracts.rights.CaseFollowUpCompleted;
import cn.smartunion.contracts.rights.CaseIntake;
import cn.smartunion.contracts.rights.ClaimType;
import cn.smartunion.contracts.rights.ClosureType;
import cn.smartunion.contracts.rights.CollectiveContractExpired;
import cn.smartunion.contracts.rights.CollectiveContractSigned;
import cn.smartunion.contracts.rights.Complexity;
import cn.smartunion.contracts.rights.ContractType;
import cn.smartunion.contracts.rights.DisputeCaseClosed;
import cn.smartunion.contracts.rights.DisputeCaseOpened;
import cn.smartunion.contracts.rights.IntakeChannel;
import cn.smartunion.contracts.rights.MediationAgreementReached;
import cn.smartunion.contracts.rights.MediationBody;
import cn.smartunion.contracts.rights.MediationFailed;
import cn.smartunion.contracts.rights.MediationSessionHeld;
import cn.smartunion.contracts.rights.OrderCategory;
import cn.smartunion.contracts.rights.OrderOutcome;
import cn.smartunion.contracts.rights.WorkOrderCreated;
import cn.smartunion.contracts.rights.WorkOrderRated;
import cn.smartunion.contracts.rights.WorkOrderResolved;
import cn.smartunion.runtime.outbox.OutboxEvent;
import cn.smartunion.runtime.testing.TestCreditCodes;
import cn.smartunion.statistics.StatisticsSpringTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.smartunion.statistics.metrics.adapter.in.web.FiguresClient.figures;
import static cn.smartunion.statistics.metrics.adapter.in.web.FiguresClient.value;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Aid, rights and competition figures from their topics: money in yuan by funding source, person-times versus
 * distinct persons versus households, cases versus workers, recovered (not claimed) amounts, rates with both counts,
 * stocks of contracts, titles by type; redelivery and a full replay change nothing.
 */
class ServiceFiguresTest extends StatisticsSpringTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Test
    void aidFiguresCountMoneyPersonTimesPersonsAndHouseholdsEachInItsUnit() throws Exception {
        Tree t = tree();
        String m1 = unique("m"), m5 = unique("m"), p9 = unique("p"), p7 = unique("p"), h1 = unique("h");
        List<OutboxEvent> events = new ArrayList<>();
        events.add(disbursed(t.k1(), FundingSource.CENTRAL_SPECIAL_FUNDS, 100_050, LocalDate.of(2026, 2, 1)));
        events.add(disbursed(t.k3(), FundingSource.OWN_FUNDS, 20_025, LocalDate.of(2026, 12, 31)));
        events.add(disbursed(t.k3(), FundingSource.OWN_FUNDS, 9_999, LocalDate.of(2027, 1, 1)));
        events.add(delivered(t.k1(), BeneficiaryType.MEMBER, m1, null, 1, LocalDate.of(2026, 1, 20)));
        events.add(delivered(t.k1(), BeneficiaryType.MEMBER, m1, null, 1, LocalDate.of(2026, 7, 10)));
        events.add(delivered(t.k2(), BeneficiaryType.NON_MEMBER_WORKER, null, p9, 1, LocalDate.of(2026, 7, 11)));
        events.add(delivered(t.k3(), BeneficiaryType.WORK_SITE, null, null, 30, LocalDate.of(2026, 7, 12)));
        // 金秋助学: two approved applications of one worker (two children), one submitted and never approved
        events.addAll(schoolAid(t.k3(), m5, null, 300_000, true));
        events.addAll(schoolAid(t.k3(), m5, null, 150_000, true));
        events.addAll(schoolAid(t.k3(), null, p7, 200_000, false));
        // one household filed twice (two programmes), relieved once
        String c1 = unique("case");
        events.add(event(EventTypes.HARDSHIP_CASE_FILED, c1, t.k2(), new HardshipCaseFiled(c1, h1, null,
                Tree.orgId(t.k2()), t.k2(), "HARDSHIP", IdentificationChannel.VISIT, HardshipCategory.DEEP,
                List.of(HardshipCause.ILLNESS), 3, Instant.parse("2026-03-01T02:00:00Z"))));
        String c2 = unique("case");
        events.add(event(EventTypes.HARDSHIP_CASE_FILED, c2, t.k2(), new HardshipCaseFiled(c2, h1, null,
                Tree.orgId(t.k2()), t.k2(), "HARDSHIP-2", IdentificationChannel.REFERRAL, HardshipCategory.RELATIVE,
                List.of(HardshipCause.LOW_INCOME), 3, Instant.parse("2026-04-01T02:00:00Z"))));
        events.add(event(EventTypes.HARDSHIP_CASE_RELIEVED, c1, t.k2(), new HardshipCaseRelieved(c1, h1,
                Tree.orgId(t.k2()), t.k2(), LocalDate.of(2026, 10, 1), Instant.parse("2026-10-01T02:00:00Z"))));
        for (int planYear : List.of(2026, 2027)) {
            String enrolment = unique("en");
            events.add(event(EventTypes.MUTUAL_AID_ENROLLED, enrolment, t.k1(), new MutualAidEnrolled(enrolment, m1,
                    "plan-1", 1, planYear, Tree.orgId(t.k1()), t.k1(), ContributionPayer.UNIT, EnrolmentChannel.STAFF,
                    3_000, LocalDate.of(planYear, 1, 1), LocalDate.of(planYear, 12, 31),
                    Instant.parse("2026-01-05T02:00:00Z"))));
        }
        String claim = unique("cl");
        events.add(event(EventTypes.MUTUAL_AID_CLAIM_PAID, claim, t.k1(), new MutualAidClaimPaid(claim, "en-x", m1,
                "plan-1", 2026, Tree.orgId(t.k1()), t.k1(), 88_888, "db-x", Instant.parse("2026-08-01T02:00:00Z"))));

        publish(events);

        Map<String, JsonNode> year = figures(mvc, analyst(t.root()), t.root(), "2026");
        assertThat(value(year, "aid.funds-disbursed")).isEqualTo("1200.75");
        assertThat(year.get("aid.funds-disbursed").get("unit").asString()).isEqualTo("元");
        assertThat(year.get("aid.funds-disbursed").get("breakdown").get("CENTRAL_SPECIAL_FUNDS").decimalValue())
                .isEqualByComparingTo("1000.50");
        assertThat(year.get("aid.funds-disbursed").get("breakdown").get("OWN_FUNDS").decimalValue())
                .isEqualByComparingTo("200.25");
        assertThat(value(year, "aid.condolence.person-times")).isEqualTo("33");
        assertThat(year.get("aid.condolence.person-times").get("unit").asString()).isEqualTo("人次");
        assertThat(value(year, "aid.condolence.persons")).isEqualTo("2");
        assertThat(value(year, "aid.school-aid.beneficiaries")).isEqualTo("1");
        assertThat(value(year, "aid.school-aid.amount")).isEqualTo("4500.00");
        assertThat(value(year, "aid.hardship.households-filed")).isEqualTo("1");
        assertThat(year.get("aid.hardship.households-filed").get("unit").asString()).isEqualTo("户");
        assertThat(value(year, "aid.hardship.households-relieved")).isEqualTo("1");
        assertThat(value(year, "aid.mutual-aid.enrolments")).isEqualTo("2");
        assertThat(value(year, "aid.mutual-aid.paid")).isEqualTo("888.88");
        // 31 December and 1 January fall in their own years
        assertThat(value(figures(mvc, analyst(t.root()), t.root(), "2027"), "aid.funds-disbursed"))
                .isEqualTo("99.99");
        assertThat(value(figures(mvc, analyst(t.root()), t.c2(), "2026-12-31"), "aid.funds-disbursed"))
                .isEqualTo("200.25");
        assertThat(value(figures(mvc, analyst(t.root()), t.c1(), "2026"), "aid.condolence.person-times"))
                .isEqualTo("3");

        publish(events);
        assertThat(replayFromStart()).isZero();
        assertThat(figures(mvc, analyst(t.root()), t.root(), "2026")).isEqualTo(year);
    }

    @Test
    void rightsFiguresCountCasesWorkersRecoveredMoneyAndRatesWithTheirCounts() throws Exception {
        Tree t = tree();
        String k1 = unique("case"), k2 = unique("case"), m1 = unique("m");
        List<OutboxEvent> events = new ArrayList<>();
        events.add(opened(k1, t.k1(), List.of(new DisputeCaseOpened.Worker("p-1", m1, List.of()),
                new DisputeCaseOpened.Worker(unique("p"), null, List.of())), "2026-03-01T02:00:00Z"));
        events.add(opened(k2, t.k2(), List.of(new DisputeCaseOpened.Worker("p-1", m1, List.of()),
                new DisputeCaseOpened.Worker(unique("p"), null, List.of("COURIER"))), "2026-03-02T02:00:00Z"));
        events.add(event(EventTypes.MEDIATION_SESSION_HELD, k1, t.k1(), new MediationSessionHeld(k1, "s-1",
                Tree.orgId(t.k1()), t.k1(), MediationBody.UNION, List.of(MediationBody.UNION), LocalDate.of(2026, 3, 10))));
        events.add(event(EventTypes.MEDIATION_AGREEMENT_REACHED, k1, t.k1(), new MediationAgreementReached(k1,
                Tree.orgId(t.k1()), t.k1(), 600_000, LocalDate.of(2026, 3, 20))));
        events.add(event(EventTypes.MEDIATION_SESSION_HELD, k2, t.k2(), new MediationSessionHeld(k2, "s-2",
                Tree.orgId(t.k2()), t.k2(), MediationBody.COURT, List.of(MediationBody.UNION, MediationBody.COURT),
                LocalDate.of(2026, 3, 11))));
        events.add(event(EventTypes.MEDIATION_FAILED, k2, t.k2(), new MediationFailed(k2, Tree.orgId(t.k2()), t.k2(),
                LocalDate.of(2026, 3, 25))));
        events.add(closed(k1, t.k1(), ClosureType.MEDIATION_AGREEMENT, 500_000, LocalDate.of(2026, 4, 1)));
        events.add(closed(k2, t.k2(), ClosureType.ARBITRATION_AWARD, 0, LocalDate.of(2026, 5, 1)));
        events.add(event(EventTypes.CASE_FOLLOW_UP_COMPLETED, k1, t.k1(), new CaseFollowUpCompleted(k1,
                Tree.orgId(t.k1()), t.k1(), false, 90, LocalDate.of(2026, 7, 1))));
        events.add(event(EventTypes.CASE_FOLLOW_UP_COMPLETED, k2, t.k2(), new CaseFollowUpCompleted(k2,
                Tree.orgId(t.k2()), t.k2(), true, 90, LocalDate.of(2026, 8, 1))));
        // 12351: created 30 December, resolved in the new year within its deadline; one resolved at once; one open
        String o1 = unique("wo"), o2 = unique("wo"), o3 = unique("wo");
        events.add(created(o1, t.k1(), "2026-12-30T02:00:00Z"));
        events.add(resolved(o1, t.k1(), true, "2027-01-02T02:00:00Z"));
        events.add(rated(o1, t.k1(), 3, "2027-01-03T02:00:00Z"));
        events.add(created(o2, t.k1(), "2026-06-01T02:00:00Z"));
        events.add(resolved(o2, t.k1(), false, "2026-06-20T02:00:00Z"));
        events.add(rated(o2, t.k1(), 5, "2026-06-21T02:00:00Z"));
        events.add(created(o3, t.k2(), "2026-06-05T02:00:00Z"));
        // collective contracts: in force through the year; expired early; signed for next year
        String ct1 = unique("ct"), ct2 = unique("ct"), ct3 = unique("ct");
        events.add(signed(ct1, t.k1(), 120, LocalDate.of(2025, 6, 1), LocalDate.of(2025, 7, 1), LocalDate.of(2028, 6, 30)));
        events.add(signed(ct2, t.k3(), 80, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1), LocalDate.of(2029, 2, 28)));
        events.add(event(EventTypes.COLLECTIVE_CONTRACT_EXPIRED, ct2, t.k3(), new CollectiveContractExpired(ct2,
                ContractType.WAGE, Tree.orgId(t.k3()), t.k3(), 1, 80, LocalDate.of(2026, 11, 30))));
        events.add(signed(ct3, t.k2(), 50, LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 1), LocalDate.of(2029, 12, 31)));

        publish(events);

        Map<String, JsonNode> year = figures(mvc, analyst(t.root()), t.root(), "2026");
        assertThat(value(year, "rights.disputes.opened")).isEqualTo("2");
        assertThat(year.get("rights.disputes.opened").get("unit").asString()).isEqualTo("件");
        assertThat(value(year, "rights.disputes.closed")).isEqualTo("2");
        assertThat(value(year, "rights.disputes.workers")).isEqualTo("3");
        assertThat(value(year, "rights.disputes.recovered")).isEqualTo("5000.00");
        assertRate(year, "rights.disputes.mediation-success-rate", 1, 2, "0.5000");
        assertRate(year, "rights.disputes.no-further-complaint-rate", 1, 2, "0.5000");
        assertThat(value(year, "rights.work-orders.created")).isEqualTo("3");
        assertRate(year, "rights.work-orders.resolution-rate", 2, 3, "0.6667");
        assertRate(year, "rights.work-orders.sla-rate", 0, 1, "0.0000");
        assertRate(year, "rights.work-orders.satisfaction-rate", 1, 1, "1.0000");
        assertThat(value(year, "rights.collective-contracts.in-force")).isEqualTo("1");
        assertThat(value(year, "rights.collective-contracts.workers-covered")).isEqualTo("120");
        Map<String, JsonNode> midYear = figures(mvc, analyst(t.root()), t.root(), "2026-06");
        assertThat(value(midYear, "rights.collective-contracts.in-force")).isEqualTo("2");
        assertThat(value(midYear, "rights.collective-contracts.workers-covered")).isEqualTo("200");
        Map<String, JsonNode> nextYear = figures(mvc, analyst(t.root()), t.root(), "2027");
        assertRate(nextYear, "rights.work-orders.sla-rate", 1, 1, "1.0000");
        assertRate(nextYear, "rights.work-orders.satisfaction-rate", 0, 1, "0.0000");
        assertRate(nextYear, "rights.work-orders.resolution-rate", 0, 0, null);
        assertThat(value(nextYear, "rights.collective-contracts.in-force")).isEqualTo("2");
        // a county counts its own workers once, the city all of them once
        assertThat(value(figures(mvc, analyst(t.root()), t.k2(), "2026"), "rights.disputes.workers")).isEqualTo("2");
        assertThat(value(figures(mvc, analyst(t.root()), t.c1(), "2026"), "rights.disputes.workers")).isEqualTo("3");

        publish(events);
        assertThat(replayFromStart()).isZero();
        assertThat(figures(mvc, analyst(t.root()), t.root(), "2026")).isEqualTo(year);
    }

    @Test
    void competitionFiguresCountParticipationsUnitsTitleHoldersHonoursAndInnovation() throws Exception {
        Tree t = tree();
        String unit = TestCreditCodes.valid();
        String m1 = unique("m"), p5 = unique("p"), competition = unique("cp");
        List<OutboxEvent> events = new ArrayList<>();
        events.add(event(EventTypes.COMPETITION_PUBLISHED, competition, t.root(), new CompetitionPublished(competition,
                "焊工职业技能竞赛", "工匠杯", CompetitionType.SKILLS, CompetitionLevel.PROVINCIAL, CompetitionClass.SECOND,
                Tree.orgId(t.root()), t.root(), List.of(), List.of("WELDER"), List.of(EntrantType.INDIVIDUAL,
                EntrantType.TEAM, EntrantType.UNIT), false, List.of(), null, null, 3, 5, null,
                Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-31T00:00:00Z"), List.of("FINAL"), null,
                Instant.parse("2026-02-20T02:00:00Z"))));
        events.add(entry(competition, t.k1(), EntrantType.INDIVIDUAL, null, List.of(participant("p-1", m1))));
        List<EntrantRegistered.Participant> team = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            team.add(participant(unique("p"), null));
        }
        events.add(entry(competition, t.k2(), EntrantType.TEAM, unit, team));
        events.add(entry(competition, t.k3(), EntrantType.UNIT, unit, team.subList(0, 3)));
        events.add(title(TitleType.TECH_CHAMPION, t.k1(), m1, "p-1"));
        events.add(title(TitleType.TECH_EXPERT, t.k1(), m1, "p-1"));
        events.add(title(TitleType.TECH_EXPERT, t.k2(), null, p5));
        events.add(certified(t.k1(), m1, "p-1", SkillLevel.SENIOR));
        events.add(certified(t.k1(), m1, "p-1", SkillLevel.TECHNICIAN));
        events.add(certified(t.k2(), null, p5, SkillLevel.SENIOR));
        events.add(honour(HonourType.MODEL_WORKER, RecipientType.INDIVIDUAL, t.k1(), m1, "p-1", null));
        events.add(honour(HonourType.WORKERS_PIONEER, RecipientType.TEAM, t.k2(), null, null, "team-1"));
        String i1 = unique("in"), i2 = unique("in");
        events.add(submitted(i1, t.k1(), unit));
        events.add(submitted(i2, t.k3(), TestCreditCodes.valid()));
        events.add(evaluated(i1, t.k1(), InnovationOutcome.ADOPTED));
        events.add(evaluated(i2, t.k3(), InnovationOutcome.NOT_ADOPTED));
        events.add(benefit(i1, t.k1(), 1, 1_000_000, null, LocalDate.of(2026, 5, 10)));
        events.add(benefit(i1, t.k1(), 2, 1_200_000, 1_000_000L, LocalDate.of(2026, 11, 10)));

        publish(events);

        Map<String, JsonNode> year = figures(mvc, analyst(t.root()), t.root(), "2026");
        assertThat(value(year, "competition.competitions")).isEqualTo("1");
        assertThat(value(year, "competition.participant-times")).isEqualTo("9");
        assertThat(value(year, "competition.units")).isEqualTo("1");
        assertThat(year.get("competition.units").get("unit").asString()).isEqualTo("家");
        assertThat(value(year, "competition.titles")).isEqualTo("2");
        assertThat(year.get("competition.titles").get("breakdown").get("TECH_EXPERT").intValue()).isEqualTo(2);
        assertThat(year.get("competition.titles").get("breakdown").get("TECH_CHAMPION").intValue()).isEqualTo(1);
        assertThat(value(year, "competition.skill-certified")).isEqualTo("2");
        assertThat(value(year, "competition.honours")).isEqualTo("2");
        assertThat(year.get("competition.honours").get("breakdown").get("WORKERS_PIONEER").intValue()).isEqualTo(1);
        assertThat(value(year, "competition.innovation.submissions")).isEqualTo("2");
        assertThat(value(year, "competition.innovation.adopted")).isEqualTo("1");
        assertThat(value(year, "competition.innovation.benefit")).isEqualTo("12000.00");
        // the revision in November adds only its change to that month
        assertThat(value(figures(mvc, analyst(t.root()), t.root(), "2026-11"), "competition.innovation.benefit"))
                .isEqualTo("2000.00");
        // the fifteenth five-year plan holds 2026
        Map<String, JsonNode> plan = figures(mvc, analyst(t.root()), t.root(), "PLAN-15");
        assertThat(value(plan, "competition.participant-times")).isEqualTo("9");
        assertThat(value(plan, "competition.innovation.benefit")).isEqualTo("12000.00");
        assertThat(value(figures(mvc, analyst(t.root()), t.root(), "PLAN-14"), "competition.participant-times"))
                .isEqualTo("0");

        publish(events);
        assertThat(replayFromStart()).isZero();
        assertThat(figures(mvc, analyst(t.root()), t.root(), "2026")).isEqualTo(year);
    }

    private static void assertRate(Map<String, JsonNode> figures, String metric, long numerator, long denominator,
                                   String ratio) {
        JsonNode figure = figures.get(metric);
        assertThat(figure.get("unit").asString()).isEqualTo("%");
        assertThat(figure.get("numerator").longValue()).as(metric + " numerator").isEqualTo(numerator);
        assertThat(figure.get("denominator").longValue()).as(metric + " denominator").isEqualTo(denominator);
        if (ratio == null) {
            assertThat(figure.get("ratio").isNull()).as(metric + " ratio").isTrue();
        } else {
            assertThat(figure.get("ratio").decimalValue()).as(metric + " ratio").isEqualByComparingTo(ratio);
        }
    }

    private OutboxEvent disbursed(String orgPath, FundingSource source, long fen, LocalDate on) {
        String id = unique("db");
        return event(EventTypes.AID_DISBURSED, id, orgPath, new AidDisbursed(id, "HARDSHIP",
                DisbursementSource.HARDSHIP_CASE, "case-x", Tree.orgId(orgPath), orgPath, "2026", "bl-1", source, fen,
                DisbursementChannel.BANK_TRANSFER, on, on.atTime(10, 0).atZone(BEIJING).toInstant()));
    }

    private OutboxEvent delivered(String orgPath, BeneficiaryType type, String memberId, String personId,
                                  int personTimes, LocalDate on) {
        String id = unique("dl");
        return event(EventTypes.CONDOLENCE_DELIVERED, id, orgPath, new CondolenceDelivered(id, "cp-1", "WINTER",
                Tree.orgId(orgPath), orgPath, "2026", type, memberId, personId,
                type == BeneficiaryType.WORK_SITE ? "site-1" : null, personTimes, 20_000, 0, on,
                on.atTime(10, 0).atZone(BEIJING).toInstant()));
    }

    private List<OutboxEvent> schoolAid(String orgPath, String memberId, String personId, long fen, boolean approve) {
        String id = unique("ap");
        OutboxEvent submitted = event(EventTypes.AID_APPLICATION_SUBMITTED, id, orgPath, new AidApplicationSubmitted(id,
                "SCHOOL", null, Tree.orgId(orgPath), orgPath, "2026",
                memberId != null ? BeneficiaryType.MEMBER : BeneficiaryType.NON_MEMBER_WORKER, memberId, personId,
                true, fen, Instant.parse("2026-08-01T02:00:00Z")));
        if (!approve) {
            return List.of(submitted);
        }
        return List.of(submitted, event(EventTypes.AID_APPLICATION_APPROVED, id, orgPath, new AidApplicationApproved(id,
                "SCHOOL", null, Tree.orgId(orgPath), orgPath, "2026", "bl-2", FundingSource.DONATIONS, fen,
                Instant.parse("2026-08-20T02:00:00Z"))));
    }

    private OutboxEvent opened(String caseId, String orgPath, List<DisputeCaseOpened.Worker> workers, String at) {
        return event(EventTypes.DISPUTE_CASE_OPENED, caseId, orgPath, new DisputeCaseOpened(caseId, CaseIntake.WALK_IN,
                null, List.of(ClaimType.WAGE_ARREARS), workers, "emp-1", null, 800_000, false, false,
                Tree.orgId(orgPath), orgPath, Instant.parse(at)));
    }

    private OutboxEvent closed(String caseId, String orgPath, ClosureType type, long recoveredFen, LocalDate on) {
        return event(EventTypes.DISPUTE_CASE_CLOSED, caseId, orgPath, new DisputeCaseClosed(caseId, Tree.orgId(orgPath),
                orgPath, type, true, type == ClosureType.MEDIATION_AGREEMENT, recoveredFen, 2, 30, on,
                on.atTime(10, 0).atZone(BEIJING).toInstant()));
    }

    private OutboxEvent created(String orderId, String orgPath, String at) {
        Instant created = Instant.parse(at);
        return event(EventTypes.WORK_ORDER_CREATED, orderId, orgPath, new WorkOrderCreated(orderId, IntakeChannel.PHONE,
                OrderCategory.COMPLAINT, Complexity.ORDINARY, false, Tree.orgId(orgPath), orgPath,
                created.plusSeconds(5 * 86_400), created));
    }

    private OutboxEvent resolved(String orderId, String orgPath, boolean withinSla, String at) {
        return event(EventTypes.WORK_ORDER_RESOLVED, orderId, orgPath, new WorkOrderResolved(orderId,
                Tree.orgId(orgPath), orgPath, OrderOutcome.ANSWERED, 0, withinSla, Instant.parse(at)));
    }

    private OutboxEvent rated(String orderId, String orgPath, int rating, String at) {
        return event(EventTypes.WORK_ORDER_RATED, orderId, orgPath, new WorkOrderRated(orderId, Tree.orgId(orgPath),
                orgPath, rating, Instant.parse(at)));
    }

    private OutboxEvent signed(String contractId, String orgPath, int workers, LocalDate signedOn, LocalDate from,
                               LocalDate to) {
        return event(EventTypes.COLLECTIVE_CONTRACT_SIGNED, contractId, orgPath, new CollectiveContractSigned(
                contractId, ContractType.WAGE, Tree.orgId(orgPath), orgPath, 1, workers, signedOn.minusDays(10),
                signedOn, from, to));
    }

    private static EntrantRegistered.Participant participant(String personId, String memberId) {
        return new EntrantRegistered.Participant(personId, memberId, false);
    }

    private OutboxEvent entry(String competitionId, String orgPath, EntrantType type, String unitCreditCode,
                              List<EntrantRegistered.Participant> participants) {
        String id = unique("e");
        return event(EventTypes.ENTRANT_REGISTERED, id, orgPath, new EntrantRegistered(id, competitionId, type,
                "WELDER", participants, participants.size(), unitCreditCode, null, RegistrarKind.UNION_ADMIN,
                Tree.orgId(orgPath), orgPath, orgPath.substring(0, orgPath.indexOf('/')), null, null,
                Instant.parse("2026-03-10T02:00:00Z")));
    }

    private OutboxEvent title(TitleType title, String orgPath, String memberId, String personId) {
        String id = unique("t");
        return event(EventTypes.TITLE_CONFERRED, id, orgPath, new TitleConferred(id, title, CompetitionLevel.PROVINCIAL,
                RecipientType.INDIVIDUAL, memberId, personId, "e-1", null, "cp-1", "WELDER", Tree.orgId(orgPath),
                orgPath, LocalDate.of(2026, 5, 1), Instant.parse("2026-05-01T02:00:00Z")));
    }

    private OutboxEvent certified(String orgPath, String memberId, String personId, SkillLevel level) {
        String id = unique("sc");
        return event(EventTypes.SKILL_LEVEL_CERTIFIED, id, orgPath, new SkillLevelCertified(id, personId, memberId,
                "WELDER", level, Certifier.COMPETITION_RESULT, null, Tree.orgId(orgPath), orgPath,
                LocalDate.of(2026, 6, 1), Instant.parse("2026-06-01T02:00:00Z")));
    }

    private OutboxEvent honour(HonourType type, RecipientType recipient, String orgPath, String memberId,
                               String personId, String teamId) {
        String id = unique("h");
        return event(EventTypes.HONOUR_CONFERRED, id, orgPath, new HonourConferred(id, type, HonourLevel.PROVINCIAL,
                "2026", recipient, memberId, personId, teamId, null, true, List.of(), Tree.orgId(orgPath), orgPath,
                orgPath.substring(0, orgPath.indexOf('/')), LocalDate.of(2026, 4, 28),
                Instant.parse("2026-04-28T02:00:00Z")));
    }

    private OutboxEvent submitted(String innovationId, String orgPath, String unitCreditCode) {
        return event(EventTypes.INNOVATION_SUBMITTED, innovationId, orgPath, new InnovationSubmitted(innovationId,
                InnovationType.RATIONALISATION_PROPOSAL, unitCreditCode, 1, List.of(), false, true,
                Tree.orgId(orgPath), orgPath, Instant.parse("2026-03-01T02:00:00Z")));
    }

    private OutboxEvent evaluated(String innovationId, String orgPath, InnovationOutcome outcome) {
        return event(EventTypes.INNOVATION_EVALUATED, innovationId, orgPath, new InnovationEvaluated(innovationId,
                InnovationType.RATIONALISATION_PROPOSAL, outcome, TestCreditCodes.valid(), 1, Tree.orgId(orgPath), orgPath,
                LocalDate.of(2026, 4, 1), Instant.parse("2026-04-01T02:00:00Z")));
    }

    private OutboxEvent benefit(String innovationId, String orgPath, int revision, long fen, Long previousFen,
                                LocalDate verifiedOn) {
        return event(EventTypes.INNOVATION_BENEFIT_RECORDED, innovationId, orgPath, new InnovationBenefitRecorded(
                innovationId, InnovationType.RATIONALISATION_PROPOSAL, TestCreditCodes.valid(), revision, fen, previousFen,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), verifiedOn, Tree.orgId(orgPath), orgPath,
                verifiedOn.atTime(10, 0).atZone(BEIJING).toInstant()));
    }
}
