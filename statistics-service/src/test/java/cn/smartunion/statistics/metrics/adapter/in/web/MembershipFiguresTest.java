package cn.smartunion.statistics.metrics.adapter.in.web;

import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.membership.ActorKind;
import cn.smartunion.contracts.membership.JoinChannel;
import cn.smartunion.contracts.membership.MemberActivated;
import cn.smartunion.contracts.membership.MemberTransferred;
import cn.smartunion.contracts.membership.MembershipRetained;
import cn.smartunion.contracts.membership.MembershipTerminated;
import cn.smartunion.contracts.membership.OrgRegistered;
import cn.smartunion.runtime.outbox.OutboxEvent;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Membership figures from {@code membership.member.v1} and {@code membership.org.v1}: new members (first joins, not
 * transfers, by the effective date in Beijing), worker groups, collective channels, new unions, and the stock of
 * members at the period's end following transfers, retention and termination; redeliveries and a full replay change
 * nothing; scope.
 */
class MembershipFiguresTest extends StatisticsSpringTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Test
    void newMembersAndTheStockFollowEffectiveDatesTransfersAndEndingsAndAReplayChangesNothing() throws Exception {
        Tree t = tree();
        List<OutboxEvent> events = new ArrayList<>();
        events.add(activated("m1", t.k1(), JoinChannel.ONLINE_APPLICATION, true, LocalDate.of(2026, 3, 1),
                "NEW_FORM_WORKER"));
        events.add(activated("m2", t.k1(), JoinChannel.COLLECTIVE_REGISTRATION, true, LocalDate.of(2026, 4, 1),
                "MIGRANT_WORKER"));
        // a former member joining again is not a new member, but is a member
        events.add(activated("m3", t.k2(), JoinChannel.QR_CODE, false, LocalDate.of(2026, 5, 1)));
        // New Year's Eve and New Year's Day: the years they belong to
        events.add(activated("m4", t.k3(), JoinChannel.CONCENTRATED_CAMPAIGN, true, LocalDate.of(2025, 12, 31)));
        events.add(activated("m5", t.k3(), JoinChannel.ONLINE_APPLICATION, true, LocalDate.of(2026, 1, 1)));
        events.add(event(EventTypes.MEMBER_TRANSFERRED, id("m1"), t.k3(), new MemberTransferred(id("m1"), "tr-1",
                Tree.orgId(t.k1()), t.k1(), Tree.orgId(t.k3()), t.k3(), false, "JOB_CHANGE", LocalDate.of(2026, 6, 1),
                Instant.parse("2026-06-01T02:00:00Z"))));
        events.add(event(EventTypes.MEMBERSHIP_TERMINATED, id("m2"), t.k1(), new MembershipTerminated(id("m2"),
                Tree.orgId(t.k1()), t.k1(), "LEFT", LocalDate.of(2026, 9, 30), Instant.parse("2026-09-30T02:00:00Z"))));
        events.add(event(EventTypes.MEMBERSHIP_RETAINED, id("m3"), t.k2(), new MembershipRetained(id("m3"),
                Tree.orgId(t.k2()), t.k2(), "RETIRED", LocalDate.of(2026, 7, 1), Instant.parse("2026-07-01T02:00:00Z"))));
        // a grassroots union registered at 00:30 Beijing time on 1 January 2027 (still 2026 in UTC)
        String newUnion = t.k1() + "/G1";
        events.add(event(EventTypes.ORG_REGISTERED, Tree.orgId(newUnion), newUnion, new OrgRegistered(
                Tree.orgId(newUnion), "G1", "某公司工会", "GRASSROOTS_UNION", Tree.orgId(t.k1()), newUnion, null,
                Instant.parse("2026-12-31T16:30:00Z"))));

        publish(events);

        Map<String, JsonNode> year = figures(mvc, analyst(t.root()), t.root(), "2026");
        assertThat(value(year, "membership.new-members")).isEqualTo("3");
        assertThat(value(year, "membership.new-members.new-form-workers")).isEqualTo("1");
        assertThat(value(year, "membership.new-members.migrant-workers")).isEqualTo("1");
        assertThat(value(year, "membership.collective-enrolment")).isEqualTo("1");
        assertThat(value(year, "membership.new-unions")).isEqualTo("0");
        assertThat(value(year, "membership.members")).isEqualTo("4");
        assertThat(year.get("membership.members").get("unit").asString()).isEqualTo("人");
        assertThat(year.get("membership.members").get("stock").asBoolean()).isTrue();

        Map<String, JsonNode> lastYear = figures(mvc, analyst(t.root()), t.root(), "2025");
        assertThat(value(lastYear, "membership.new-members")).isEqualTo("1");
        assertThat(value(lastYear, "membership.collective-enrolment")).isEqualTo("1");
        assertThat(value(lastYear, "membership.members")).isEqualTo("1");
        assertThat(value(figures(mvc, analyst(t.root()), t.root(), "2027"), "membership.new-unions")).isEqualTo("1");
        assertThat(value(figures(mvc, analyst(t.root()), t.root(), "2026-01-01"), "membership.new-members"))
                .isEqualTo("1");

        // the transfer moved m1 from K1 to K3 on 1 June; m2 left K1 on 30 September
        assertThat(value(figures(mvc, analyst(t.root()), t.k1(), "2026-05"), "membership.members")).isEqualTo("2");
        assertThat(value(figures(mvc, analyst(t.root()), t.k1(), "2026-06"), "membership.members")).isEqualTo("1");
        assertThat(value(figures(mvc, analyst(t.root()), t.k1(), "2026"), "membership.members")).isEqualTo("0");
        assertThat(value(figures(mvc, analyst(t.root()), t.k3(), "2026"), "membership.members")).isEqualTo("3");
        // new members count where they joined, however they moved later
        assertThat(value(figures(mvc, analyst(t.root()), t.k1(), "2026"), "membership.new-members")).isEqualTo("2");
        // retained members stay in the stock
        assertThat(value(figures(mvc, analyst(t.root()), t.c1(), "2026"), "membership.members")).isEqualTo("1");

        mvc.perform(get("/api/statistics/v1/figures/membership.members/by-union").param("orgPath", t.root())
                        .param("period", "2026").with(analyst(t.root())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unit").value("人"))
                .andExpect(jsonPath("$.unions.length()").value(2))
                .andExpect(jsonPath("$.unions[0].union.orgPath").value(t.c1()))
                .andExpect(jsonPath("$.unions[0].figure.value").value(1))
                .andExpect(jsonPath("$.unions[1].union.orgPath").value(t.c2()))
                .andExpect(jsonPath("$.unions[1].figure.value").value(3));

        // the outbox relay delivers twice, and a new reader replays every topic from the start
        publish(events);
        assertThat(replayFromStart()).isZero();

        assertThat(figures(mvc, analyst(t.root()), t.root(), "2026")).isEqualTo(year);
        assertThat(figures(mvc, analyst(t.root()), t.root(), "2025")).isEqualTo(lastYear);
    }

    @Test
    void aCountyAnalystSeesOnlyTheirCountyAndACityAnalystSeesItsCounties() throws Exception {
        Tree t = tree();
        publish(List.of(activated("a", t.k1(), JoinChannel.ONLINE_APPLICATION, true, LocalDate.of(2026, 2, 1)),
                activated("b", t.k2(), JoinChannel.ONLINE_APPLICATION, true, LocalDate.of(2026, 2, 1)),
                activated("c", t.k2(), JoinChannel.ONLINE_APPLICATION, true, LocalDate.of(2026, 2, 1))));

        // default: the caller's own union
        mvc.perform(get("/api/statistics/v1/figures").param("period", "2026").with(analyst(t.k1())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.union.orgPath").value(t.k1()))
                .andExpect(jsonPath("$.period.kind").value("YEAR"))
                .andExpect(jsonPath("$.period.from").value("2026-01-01"))
                .andExpect(jsonPath("$.figures[?(@.metric == 'membership.new-members')].value").value(1));
        // a sibling county, a parent, another tree: not found
        for (String outside : List.of(t.k2(), t.c1(), t.root(), "OTHER")) {
            mvc.perform(get("/api/statistics/v1/figures").param("orgPath", outside).with(analyst(t.k1())))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/statistics/v1/figures/membership.new-members/by-union").param("orgPath", t.k2())
                .with(analyst(t.k1()))).andExpect(status().isNotFound());
        // the city sees each of its counties and itself
        assertThat(value(figures(mvc, staff(t.c1(), "union-admin"), t.k2(), "2026"), "membership.new-members"))
                .isEqualTo("2");
        mvc.perform(get("/api/statistics/v1/figures/membership.new-members/by-union").param("period", "2026")
                        .with(analyst(t.c1())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.metric").value("membership.new-members"))
                .andExpect(jsonPath("$.unions[*].union.orgPath").value(org.hamcrest.Matchers.contains(t.k1(), t.k2())))
                .andExpect(jsonPath("$.unions[*].figure.value").value(org.hamcrest.Matchers.contains(1, 2)));
        // other roles are refused; bad parameters are named
        mvc.perform(get("/api/statistics/v1/figures").with(staff(t.k1(), "aid-officer")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/statistics/v1/figures").param("period", "2026-13").with(analyst(t.k1())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("period"));
        mvc.perform(get("/api/statistics/v1/figures/no.such.metric/by-union").with(analyst(t.k1())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("metric"));
        mvc.perform(get("/api/statistics/v1/figures").param("orgPath", "a//b").with(analyst(t.k1())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("orgPath"));
        mvc.perform(get("/api/statistics/v1/figures")).andExpect(status().isUnauthorized());
    }

    private final Map<String, String> memberIds = new java.util.HashMap<>();

    /** This test's member id for a short name. */
    private String id(String name) {
        return memberIds.computeIfAbsent(name, n -> unique("m-" + n + "-"));
    }

    private OutboxEvent activated(String name, String orgPath, JoinChannel channel, boolean firstJoin,
                                  LocalDate effectiveOn, String... tags) {
        String memberId = id(name);
        return event(EventTypes.MEMBER_ACTIVATED, memberId, orgPath, new MemberActivated(memberId, Tree.orgId(orgPath),
                orgPath, channel, null, List.of(tags), null, null, firstJoin, null, null, ActorKind.STAFF, effectiveOn,
                effectiveOn.atTime(10, 0).atZone(BEIJING).toInstant()));
    }
}
