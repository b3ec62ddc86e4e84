package cn.smartunion.statistics.metrics.adapter.in.web;

import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.competition.DisqualificationReason;
import cn.smartunion.contracts.competition.EntrantRegistered;
import cn.smartunion.contracts.competition.EntrantType;
import cn.smartunion.contracts.competition.EntryDisqualified;
import cn.smartunion.contracts.competition.EntryWithdrawn;
import cn.smartunion.contracts.competition.HonourConferred;
import cn.smartunion.contracts.competition.HonourLevel;
import cn.smartunion.contracts.competition.HonourRevoked;
import cn.smartunion.contracts.competition.HonourType;
import cn.smartunion.contracts.competition.InnovationStudioRegistered;
import cn.smartunion.contracts.competition.RecipientType;
import cn.smartunion.contracts.competition.RegistrarKind;
import cn.smartunion.contracts.competition.RevocationReason;
import cn.smartunion.contracts.competition.StudioLevel;
import cn.smartunion.contracts.competition.StudioLevelChanged;
import cn.smartunion.contracts.competition.StudioRating;
import cn.smartunion.contracts.competition.StudioReviewed;
import cn.smartunion.contracts.rights.CaseIntake;
import cn.smartunion.contracts.rights.ClaimType;
import cn.smartunion.contracts.rights.Complexity;
import cn.smartunion.contracts.rights.DisputeCaseOpened;
import cn.smartunion.contracts.rights.IntakeChannel;
import cn.smartunion.contracts.rights.LegalAidGranted;
import cn.smartunion.contracts.rights.OrderCategory;
import cn.smartunion.contracts.rights.OrderOutcome;
import cn.smartunion.contracts.rights.WorkOrderCreated;
import cn.smartunion.contracts.rights.WorkOrderResolved;
import cn.smartunion.runtime.outbox.OutboxEvent;
import cn.smartunion.runtime.testing.TestCreditCodes;
import cn.smartunion.statistics.StatisticsSpringTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.smartunion.statistics.metrics.adapter.in.web.FiguresClient.figures;
import static cn.smartunion.statistics.metrics.adapter.in.web.FiguresClient.value;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The §8 figures added for the annual report: 12351 calls and wages recovered, legal-aid cases versus persons,
 * innovation studios as a stock by level, and participations and honours net of withdrawals, disqualifications and
 * revocations made by the period's end; redelivery and a full replay change nothing.
 */
class NettedAndRegistryFiguresTest extends StatisticsSpringTest {

    @Test
    void callsAreOrdersReceivedByPhoneAndLegalAidCountsCasesAndDistinctPersons() throws Exception {
        Tree t = tree();
        String m1 = unique("m"), c1 = unique("case"), c2 = unique("case"), c3 = unique("case");
        List<OutboxEvent> events = new ArrayList<>();
        String o1 = unique("wo"), o2 = unique("wo"), o3 = unique("wo");
        events.add(created(o1, t.k1(), IntakeChannel.PHONE, OrderCategory.COMPLAINT, "2026-03-01T02:00:00Z"));
        events.add(created(o2, t.k2(), IntakeChannel.PHONE, OrderCategory.CONSULTATION, "2026-03-02T02:00:00Z"));
        events.add(created(o3, t.k3(), IntakeChannel.APP, OrderCategory.COMPLAINT, "2026-03-03T02:00:00Z"));
        events.add(event(EventTypes.WORK_ORDER_RESOLVED, o1, t.k1(), new WorkOrderResolved(o1, Tree.orgId(t.k1()),
                t.k1(), OrderOutcome.ANSWERED, 1_234_550, true, Instant.parse("2026-03-05T02:00:00Z"))));
        // two cases share a worker; the first is granted legal aid twice (a second lawyer), the third only next year
        events.add(opened(c1, t.k1(), List.of(worker("p-1", m1), worker(unique("p"), null))));
        events.add(opened(c2, t.k2(), List.of(worker("p-1", m1), worker(unique("p"), null))));
        events.add(opened(c3, t.k3(), List.of(worker(unique("p"), null))));
        events.add(legalAid(c1, t.k1(), LocalDate.of(2026, 4, 1)));
        events.add(legalAid(c1, t.k1(), LocalDate.of(2026, 6, 1)));
        events.add(legalAid(c2, t.k2(), LocalDate.of(2026, 12, 31)));
        events.add(legalAid(c3, t.k3(), LocalDate.of(2027, 1, 1)));

        publish(events);

        Map<String, JsonNode> year = figures(mvc, analyst(t.root()), t.root(), "2026");
        assertThat(value(year, "rights.work-orders.calls")).isEqualTo("2");
        assertThat(year.get("rights.work-orders.calls").get("breakdown").get("CONSULTATION").intValue()).isEqualTo(1);
        assertThat(value(year, "rights.work-orders.created")).isEqualTo("3");
        assertThat(year.get("rights.work-orders.created").get("breakdown").get("PHONE").intValue()).isEqualTo(2);
        assertThat(year.get("rights.work-orders.created").get("breakdown").get("APP").intValue()).isEqualTo(1);
        assertThat(value(year, "rights.work-orders.recovered")).isEqualTo("12345.50");
        assertThat(year.get("rights.work-orders.recovered").get("unit").asString()).isEqualTo("元");
        assertThat(value(year, "rights.legal-aid.cases")).isEqualTo("2");
        assertThat(year.get("rights.legal-aid.cases").get("unit").asString()).isEqualTo("件");
        assertThat(value(year, "rights.legal-aid.persons")).isEqualTo("3");
        assertThat(year.get("rights.legal-aid.persons").get("unit").asString()).isEqualTo("人");
        assertThat(value(figures(mvc, analyst(t.root()), t.k2(), "2026"), "rights.legal-aid.persons")).isEqualTo("2");
        Map<String, JsonNode> nextYear = figures(mvc, analyst(t.root()), t.root(), "2027");
        assertThat(value(nextYear, "rights.legal-aid.cases")).isEqualTo("1");
        assertThat(value(nextYear, "rights.legal-aid.persons")).isEqualTo("1");

        publish(events);
        assertThat(replayFromStart()).isZero();
        assertThat(figures(mvc, analyst(t.root()), t.root(), "2026")).isEqualTo(year);
    }

    @Test
    void withdrawnEntriesAndRevokedHonoursLeaveThePeriodsTheyAreCancelledInAndStudiosAreAStockByLevel()
            throws Exception {
        Tree t = tree();
        String u1 = TestCreditCodes.valid(), u2 = TestCreditCodes.valid(), competition = unique("cp");
        List<OutboxEvent> events = new ArrayList<>();
        String e1 = unique("e"), e2 = unique("e"), e3 = unique("e"), e4 = unique("e");
        events.add(entry(e1, competition, t.k1(), EntrantType.INDIVIDUAL, null, 1));
        events.add(entry(e2, competition, t.k2(), EntrantType.TEAM, u1, 5));
        events.add(entry(e3, competition, t.k3(), EntrantType.UNIT, u2, 3));
        events.add(entry(e4, competition, t.k3(), EntrantType.INDIVIDUAL, null, 1));
        // e3 withdrawn in April; e4 disqualified after New Year: 2026 is published with it
        events.add(event(EventTypes.ENTRY_WITHDRAWN, e3, t.k3(), new EntryWithdrawn(e3, competition, RegistrarKind.SELF,
                3, Tree.orgId(t.k3()), t.k3(), Instant.parse("2026-04-02T02:00:00Z"))));
        events.add(event(EventTypes.ENTRY_DISQUALIFIED, e4, t.k3(), new EntryDisqualified(e4, competition,
                DisqualificationReason.ABSENT, 1, Tree.orgId(t.k3()), t.k3(), Instant.parse("2027-01-05T02:00:00Z"))));
        String h1 = unique("h"), h2 = unique("h"), h3 = unique("h");
        events.add(honour(h1, HonourType.MODEL_WORKER, t.k1()));
        events.add(honour(h2, HonourType.MODEL_WORKER, t.k2()));
        events.add(honour(h3, HonourType.MAY_DAY_MEDAL, t.k3()));
        events.add(revoked(h1, HonourType.MODEL_WORKER, t.k1(), LocalDate.of(2026, 9, 1)));
        events.add(revoked(h2, HonourType.MODEL_WORKER, t.k2(), LocalDate.of(2027, 2, 1)));
        String s1 = unique("st"), s2 = unique("st"), s3 = unique("st");
        events.add(studio(s1, StudioLevel.PROVINCIAL, t.k1(), LocalDate.of(2025, 5, 1)));
        events.add(studio(s2, StudioLevel.CITY, t.k2(), LocalDate.of(2026, 2, 1)));
        events.add(studio(s3, StudioLevel.ENTERPRISE, t.k3(), LocalDate.of(2024, 3, 1)));
        events.add(event(EventTypes.STUDIO_LEVEL_CHANGED, s2, t.k2(), new StudioLevelChanged(s2, StudioLevel.CITY,
                StudioLevel.PROVINCIAL, LocalDate.of(2026, 6, 1), Tree.orgId(t.k2()), t.k2(),
                Instant.parse("2026-06-01T02:00:00Z"))));
        events.add(event(EventTypes.STUDIO_REVIEWED, s3, t.k3(), new StudioReviewed(s3, StudioLevel.ENTERPRISE,
                StudioRating.REVOKED, LocalDate.of(2026, 3, 1), null, true, null, Tree.orgId(t.k3()), t.k3(),
                Instant.parse("2026-03-01T02:00:00Z"))));

        publish(events);

        Map<String, JsonNode> year = figures(mvc, analyst(t.root()), t.root(), "2026");
        assertThat(value(year, "competition.participant-times")).isEqualTo("7");
        assertThat(value(year, "competition.units")).isEqualTo("1");
        assertThat(value(year, "competition.honours")).isEqualTo("2");
        assertThat(year.get("competition.honours").get("breakdown").get("MODEL_WORKER").intValue()).isEqualTo(1);
        assertThat(year.get("competition.honours").get("breakdown").get("MAY_DAY_MEDAL").intValue()).isEqualTo(1);
        assertThat(value(year, "competition.innovation.studios")).isEqualTo("2");
        assertThat(year.get("competition.innovation.studios").get("unit").asString()).isEqualTo("个");
        assertThat(year.get("competition.innovation.studios").get("stock").asBoolean()).isTrue();
        assertThat(year.get("competition.innovation.studios").get("breakdown").get("PROVINCIAL").intValue())
                .isEqualTo(2);
        // March closes before the withdrawal and the revocation: everything registered and conferred counts
        Map<String, JsonNode> march = figures(mvc, analyst(t.root()), t.root(), "2026-03");
        assertThat(value(march, "competition.participant-times")).isEqualTo("10");
        assertThat(value(march, "competition.units")).isEqualTo("2");
        assertThat(value(figures(mvc, analyst(t.root()), t.root(), "2026-04"), "competition.honours")).isEqualTo("3");
        assertThat(value(march, "competition.innovation.studios")).isEqualTo("2");
        assertThat(march.get("competition.innovation.studios").get("breakdown").get("CITY").intValue()).isEqualTo(1);
        // a window that runs past the disqualification and the second revocation nets them out too
        Map<String, JsonNode> twoYears = figures(mvc, analyst(t.root()), t.root(), "2026-01-01..2027-12-31");
        assertThat(value(twoYears, "competition.participant-times")).isEqualTo("6");
        assertThat(value(twoYears, "competition.honours")).isEqualTo("1");
        Map<String, JsonNode> lastYear = figures(mvc, analyst(t.root()), t.root(), "2025");
        assertThat(value(lastYear, "competition.innovation.studios")).isEqualTo("2");
        assertThat(lastYear.get("competition.innovation.studios").get("breakdown").get("ENTERPRISE").intValue())
                .isEqualTo(1);
        assertThat(value(figures(mvc, analyst(t.root()), t.c2(), "2026"), "competition.participant-times"))
                .isEqualTo("1");

        publish(events);
        assertThat(replayFromStart()).isZero();
        assertThat(figures(mvc, analyst(t.root()), t.root(), "2026")).isEqualTo(year);
    }

    private OutboxEvent created(String orderId, String orgPath, IntakeChannel channel, OrderCategory category,
                                String at) {
        Instant created = Instant.parse(at);
        return event(EventTypes.WORK_ORDER_CREATED, orderId, orgPath, new WorkOrderCreated(orderId, channel, category,
                Complexity.ORDINARY, false, Tree.orgId(orgPath), orgPath, created.plusSeconds(5 * 86_400), created));
    }

    private static DisputeCaseOpened.Worker worker(String personId, String memberId) {
        return new DisputeCaseOpened.Worker(personId, memberId, List.of());
    }

    private OutboxEvent opened(String caseId, String orgPath, List<DisputeCaseOpened.Worker> workers) {
        return event(EventTypes.DISPUTE_CASE_OPENED, caseId, orgPath, new DisputeCaseOpened(caseId, CaseIntake.WALK_IN,
                null, List.of(ClaimType.WAGE_ARREARS), workers, "emp-1", null, 800_000, false, false,
                Tree.orgId(orgPath), orgPath, Instant.parse("2026-03-01T02:00:00Z")));
    }

    private OutboxEvent legalAid(String caseId, String orgPath, LocalDate grantedOn) {
        return event(EventTypes.LEGAL_AID_GRANTED, caseId, orgPath, new LegalAidGranted(caseId, Tree.orgId(orgPath),
                orgPath, unique("lawyer"), grantedOn));
    }

    private OutboxEvent entry(String entryId, String competitionId, String orgPath, EntrantType type,
                              String unitCreditCode, int participants) {
        List<EntrantRegistered.Participant> people = new ArrayList<>();
        for (int i = 0; i < participants; i++) {
            people.add(new EntrantRegistered.Participant(unique("p"), null, false));
        }
        return event(EventTypes.ENTRANT_REGISTERED, entryId, orgPath, new EntrantRegistered(entryId, competitionId,
                type, "WELDER", people, participants, unitCreditCode, null, RegistrarKind.UNION_ADMIN,
                Tree.orgId(orgPath), orgPath, orgPath.substring(0, orgPath.indexOf('/')), null, null,
                Instant.parse("2026-03-10T02:00:00Z")));
    }

    private OutboxEvent honour(String honourId, HonourType type, String orgPath) {
        return event(EventTypes.HONOUR_CONFERRED, honourId, orgPath, new HonourConferred(honourId, type,
                HonourLevel.PROVINCIAL, "2026", RecipientType.INDIVIDUAL, null, unique("p"), null, null, true,
                List.of(), Tree.orgId(orgPath), orgPath, orgPath.substring(0, orgPath.indexOf('/')),
                LocalDate.of(2026, 4, 28), Instant.parse("2026-04-28T02:00:00Z")));
    }

    private OutboxEvent revoked(String honourId, HonourType type, String orgPath, LocalDate on) {
        return event(EventTypes.HONOUR_REVOKED, honourId, orgPath, new HonourRevoked(honourId, type,
                HonourLevel.PROVINCIAL, RecipientType.INDIVIDUAL, null, unique("p"), null, null,
                RevocationReason.MISCONDUCT, Tree.orgId(orgPath), orgPath, on, on.atStartOfDay().toInstant(
                java.time.ZoneOffset.ofHours(8)).plusSeconds(36_000)));
    }

    private OutboxEvent studio(String studioId, StudioLevel level, String orgPath, LocalDate foundedOn) {
        return event(EventTypes.INNOVATION_STUDIO_REGISTERED, studioId, orgPath, new InnovationStudioRegistered(
                studioId, level, false, TestCreditCodes.valid(), unique("m"), null, foundedOn, 24, foundedOn.plusYears(2),
                null, Tree.orgId(orgPath), orgPath, Instant.parse("2026-01-15T02:00:00Z")));
    }
}
