package cn.smartunion.statistics.report.adapter.in.web;

import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.aid.AidDisbursed;
import cn.smartunion.contracts.aid.DisbursementChannel;
import cn.smartunion.contracts.aid.DisbursementSource;
import cn.smartunion.contracts.aid.FundingSource;
import cn.smartunion.contracts.membership.ActorKind;
import cn.smartunion.contracts.membership.JoinChannel;
import cn.smartunion.contracts.membership.MemberActivated;
import cn.smartunion.contracts.membership.OrgRegistered;
import cn.smartunion.runtime.outbox.OutboxEvent;
import cn.smartunion.statistics.StatisticsSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The report page of a seeded small tree: its hooks carry the figures' plain values, every chart has a bar per union
 * below (a year also a column per month), a union's name cannot inject markup, and the page answers with the
 * figures' scope and roles. The page is parsed as XML: well-formed markup is what a browser renders without guessing.
 */
class ReportPageTest extends StatisticsSpringTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String HOSTILE_NAME = "<script>alert('x')</script>三市 & \"工会\"";

    @Test
    void thePageCarriesTheFiguresOfTheSubtreeAndOfEachUnionBelowAndNewMembersByMonth() throws Exception {
        Tree t = tree();
        String c3 = t.root() + "/C3";
        orgDirectory.apply(unique("registered"), new OrgRegistered(Tree.orgId(c3), "C3", HOSTILE_NAME,
                "CITY_FEDERATION", Tree.orgId(t.root()), c3, null, Instant.parse("2020-01-01T00:00:00Z")));
        List<OutboxEvent> events = new ArrayList<>();
        events.add(activated(t.k1(), LocalDate.of(2026, 3, 2)));
        events.add(activated(t.k2(), LocalDate.of(2026, 3, 31)));
        events.add(activated(t.k3(), LocalDate.of(2026, 7, 1)));
        events.add(activated(t.k3(), LocalDate.of(2025, 12, 31)));
        events.add(disbursed(t.k1(), 100_050, LocalDate.of(2026, 2, 1)));
        events.add(disbursed(t.k3(), 1_234_567_89L, LocalDate.of(2026, 5, 1)));
        publish(events);

        var response = mvc.perform(get("/api/statistics/v1/report").param("orgPath", t.root()).param("period", "2026")
                        .accept(MediaType.TEXT_HTML).with(analyst(t.root())))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/html;charset=UTF-8"))
                .andReturn().getResponse();
        String html = response.getContentAsString(StandardCharsets.UTF_8);
        keepForALook(html);
        Document page = parse(html);

        assertThat(text(page, "//h1")).isEqualTo("省总工会");
        assertThat(text(page, "//*[@data-period]/@data-period")).isEqualTo("2026");
        assertThat(text(page, "//link[@rel='stylesheet']/@href")).isEqualTo("report.css");
        assertThat(card(page, "membership.members")).isEqualTo("4");
        assertThat(card(page, "membership.new-members")).isEqualTo("3");
        assertThat(card(page, "aid.funds-disbursed")).isEqualTo("1235568.39");
        assertThat(text(page, "//*[@data-metric='aid.funds-disbursed']")).contains("123.56", "万元", "1,235,568.39元");
        // no mediation in the tree: a rate without cases is shown as a dash with an empty value
        assertThat(card(page, "rights.disputes.mediation-success-rate")).isEmpty();
        for (String metric : List.of("membership.new-members.new-form-workers", "aid.condolence.person-times",
                "rights.disputes.opened", "rights.disputes.closed", "rights.disputes.recovered",
                "competition.participant-times", "competition.honours")) {
            assertThat(count(page, "//*[@data-metric='" + metric + "']")).as(metric).isEqualTo(1);
        }

        String members = "//*[local-name()='svg'][@data-chart='membership.members']";
        assertThat(count(page, members + "//*[@data-org-path]")).isEqualTo(3);
        assertThat(text(page, members + "//*[@data-org-path='" + t.c1() + "']/@data-value")).isEqualTo("2");
        assertThat(text(page, members + "//*[@data-org-path='" + t.c2() + "']/@data-value")).isEqualTo("2");
        assertThat(text(page, members + "//*[@data-org-path='" + c3 + "']/@data-value")).isEqualTo("0");
        String funds = "//*[local-name()='svg'][@data-chart='aid.funds-disbursed']";
        assertThat(text(page, funds + "//*[@data-org-path='" + t.c2() + "']/@data-value")).isEqualTo("1234567.89");
        for (String chart : List.of("membership.new-members", "rights.disputes.opened", "rights.disputes.recovered",
                "competition.participant-times")) {
            assertThat(count(page, "//*[local-name()='svg'][@data-chart='" + chart + "']//*[@data-org-path]"))
                    .as(chart).isEqualTo(3);
        }
        String months = "//*[local-name()='svg'][@data-chart='membership.new-members']//*[@data-month]";
        assertThat(count(page, months)).isEqualTo(12);
        assertThat(text(page, "//*[@data-month='2026-03']/@data-value")).isEqualTo("2");
        assertThat(text(page, "//*[@data-month='2026-07']/@data-value")).isEqualTo("1");
        assertThat(text(page, "//*[@data-month='2026-12']/@data-value")).isEqualTo("0");

        // the hostile name is text: no script element, no raw markup, and it is still shown
        assertThat(count(page, "//script")).isZero();
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(text(page, "//*[@data-org-path='" + c3 + "']/*[local-name()='title']")).startsWith(HOSTILE_NAME);
        // no inline style or script anywhere: the gateway's policy for the page allows neither
        assertThat(count(page, "//*[@style] | //style | //*[@onload] | //*[@onclick]")).isZero();
    }

    @Test
    void aCountyWithoutUnionsBelowGetsNoChartsAndAMonthGetsNoMonthlyChart() throws Exception {
        Tree t = tree();
        publish(List.of(activated(t.k1(), LocalDate.of(2026, 3, 2))));
        Document page = parse(mvc.perform(get("/api/statistics/v1/report").param("orgPath", t.k1())
                        .param("period", "2026-03").with(analyst(t.c1())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(text(page, "//h1")).isEqualTo("甲县总工会");
        assertThat(text(page, "//*[@data-period]/@data-period")).isEqualTo("2026-03");
        assertThat(card(page, "membership.new-members")).isEqualTo("1");
        assertThat(count(page, "//*[local-name()='svg']")).isZero();
        assertThat(text(page, "//*[@class='empty']")).contains("无下级工会");
    }

    @Test
    void thePageIsScopedAndRoledLikeTheFiguresAndABadPeriodIsAProblem() throws Exception {
        Tree t = tree();
        mvc.perform(get("/api/statistics/v1/report").param("orgPath", t.c2()).param("period", "2026")
                        .with(analyst(t.c1())))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/statistics/v1/report").param("orgPath", t.c1()).param("period", "2026-13")
                        .accept(MediaType.TEXT_HTML).with(analyst(t.c1())))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/statistics/v1/report").param("orgPath", t.c1()).with(staff(t.c1(), "member")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/statistics/v1/report").param("orgPath", t.c1()))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/statistics/v1/report").param("orgPath", t.c1()).with(staff(t.c1(), "union-admin")))
                .andExpect(status().isOk());

        String css = mvc.perform(get("/api/statistics/v1/report.css").with(analyst(t.c1())))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/css;charset=UTF-8"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(css).contains("@media print", "size: A4");
        mvc.perform(get("/api/statistics/v1/report.css").with(staff(t.c1(), "member")))
                .andExpect(status().isForbidden());
    }

    private OutboxEvent activated(String orgPath, LocalDate effectiveOn) {
        String memberId = unique("m");
        return event(EventTypes.MEMBER_ACTIVATED, memberId, orgPath, new MemberActivated(memberId, Tree.orgId(orgPath),
                orgPath, JoinChannel.ONLINE_APPLICATION, null, List.of(), null, null, true, null, null,
                ActorKind.STAFF, effectiveOn, effectiveOn.atTime(10, 0).atZone(BEIJING).toInstant()));
    }

    private OutboxEvent disbursed(String orgPath, long fen, LocalDate on) {
        String id = unique("db");
        return event(EventTypes.AID_DISBURSED, id, orgPath, new AidDisbursed(id, "HARDSHIP",
                DisbursementSource.HARDSHIP_CASE, "case-x", Tree.orgId(orgPath), orgPath, "2026", "bl-1",
                FundingSource.OWN_FUNDS, fen, DisbursementChannel.BANK_TRANSFER, on,
                on.atTime(10, 0).atZone(BEIJING).toInstant()));
    }

    /** target/report-page/report.html with its stylesheet, to open in a browser after the build. */
    private static void keepForALook(String html) throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "report-page"));
        Files.writeString(folder.resolve("report.html"), html, StandardCharsets.UTF_8);
        try (var css = ReportPageTest.class.getResourceAsStream("/report/report.css")) {
            Files.write(folder.resolve("report.css"), css.readAllBytes());
        }
    }

    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setExpandEntityReferences(false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static String card(Document page, String metric) throws Exception {
        return text(page, "//*[@data-metric='" + metric + "']/@data-value");
    }

    private static String text(Document page, String xpath) throws Exception {
        return (String) XPathFactory.newInstance().newXPath().evaluate(xpath, page, XPathConstants.STRING);
    }

    private static int count(Document page, String xpath) throws Exception {
        return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, page, XPathConstants.NODESET))
                .getLength();
    }
}
