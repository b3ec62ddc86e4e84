package cn.smartunion.competition.honour;

import cn.smartunion.competition.CompetitionSpringTest;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.Topics;
import cn.smartunion.runtime.testing.TestCitizenIds;
import cn.smartunion.runtime.testing.TestCreditCodes;
import cn.smartunion.runtime.testing.TestJwts;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.smartunion.contracts.EventSchemaAssertions.assertConformsToSchema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class HonourApiTest extends CompetitionSpringTest {

    private static final String BASE = "/api/competition/v1/honours";
    private static final AtomicInteger CYCLES = new AtomicInteger(2100 + ThreadLocalRandom.current().nextInt(700));
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private final RequestPostProcessor province = staff(HUBEI, "competition-organiser");
    private final RequestPostProcessor yunxiAdmin = staff(YUNXI, "union-admin");

    @Test
    void aProvincialModelWorkerIsNominatedApprovedAndConferredWithPseudonymousEvents() throws Exception {
        Consumer<String, String> events = consumer(Topics.COMPETITION_HONOUR);
        String memberId = member(YUNXI, TestCreditCodes.valid(), "MIGRANT_WORKER");
        String selection = open("MODEL_WORKER", "PROVINCIAL", null, null);

        String nomination = id(nominate(selection, yunxiAdmin, """
                {"orgId":"%s","memberId":"%s","frontline":true,"citation":"张三同志扎根一线二十年。"}"""
                .formatted(YUNXI_ID, memberId))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.recipient.memberId").value(memberId))
                .andExpect(jsonPath("$.groupTags[0]").value("MIGRANT_WORKER"))
                .andExpect(jsonPath("$.citation").value("张三同志扎根一线二十年。")));
        assertThat(mongo.findById(nomination, Document.class, "honour_nominations").toJson()).doesNotContain("张三");

        // a county cannot approve a provincial nomination
        decide(nomination, yunxiAdmin, "APPROVE", null).andExpect(status().isForbidden());
        decide(nomination, province, "APPROVE", "事迹突出").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        String conferral = confer(selection, province).andExpect(status().isOk())
                .andExpect(jsonPath("$.honours").value(1)).andReturn().getResponse().getContentAsString();
        assertThat(conferral).contains("\"conferredOn\":\"" + TODAY + "\"");
        mvc.perform(get(BASE + "/nominations/{id}", nomination).with(province))
                .andExpect(jsonPath("$.status").value("CONFERRED"));

        // one consumer drops what a wait does not want: wait for the whole funnel at once (ordered per aggregate only)
        List<ConsumerRecord<String, String>> funnel = awaitRecords(events, r -> nomination.equals(r.key())
                || r.value().contains(memberId), 3);
        assertThat(funnel).extracting(r -> ceHeader(r, "ce_type")).containsExactlyInAnyOrder(
                EventTypes.HONOUR_NOMINATED.type(), EventTypes.HONOUR_APPROVED.type(),
                EventTypes.HONOUR_CONFERRED.type());
        assertThat(funnel).filteredOn(r -> nomination.equals(r.key())).extracting(r -> ceHeader(r, "ce_type"))
                .containsExactly(EventTypes.HONOUR_NOMINATED.type(), EventTypes.HONOUR_APPROVED.type());
        ConsumerRecord<String, String> conferred = funnel.stream()
                .filter(r -> EventTypes.HONOUR_CONFERRED.type().equals(ceHeader(r, "ce_type"))).findFirst().orElseThrow();
        for (ConsumerRecord<String, String> r : funnel) {
            assertConformsToSchema(ceHeader(r, "ce_type"), r.value());
            assertThat(r.value()).doesNotContain("张三");
        }
        assertThat((String) JsonPath.read(conferred.value(), "$.memberId")).isEqualTo(memberId);
        assertThat((String) JsonPath.read(conferred.value(), "$.type")).isEqualTo("MODEL_WORKER");
        assertThat((String) JsonPath.read(conferred.value(), "$.conferringOrgPath")).isEqualTo(HUBEI);
        assertThat((String) JsonPath.read(conferred.value(), "$.orgPath")).isEqualTo(YUNXI);
        String honourId = conferred.key();

        // the member sees it on their own account; staff find it by member
        String subject = unique("kc");
        linkAccount(memberId, subject);
        mvc.perform(get("/api/competition/v1/me/honours").with(worker(subject, YUNXI)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].id").value(honourId))
                .andExpect(jsonPath("$.items[0].type").value("MODEL_WORKER"));
        mvc.perform(get(BASE).param("memberId", memberId).with(staff(SHIYAN, "analyst")))
                .andExpect(jsonPath("$.totalItems").value(1));
        mvc.perform(get(BASE).param("memberId", memberId).with(staff(ZHUSHAN, "analyst")))
                .andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get(BASE + "/{id}", honourId).with(staff(ZHUSHAN, "analyst"))).andExpect(status().isNotFound());

        // a repeated conferral records nothing twice
        confer(selection, province).andExpect(status().isOk()).andExpect(jsonPath("$.honours").value(1));
        assertThat(mongo.count(query(where("selectionId").is(selection)), "honours")).isEqualTo(1);

        // revocation by the conferring union, once
        revoke(honourId, yunxiAdmin).andExpect(status().isForbidden());
        revoke(honourId, province).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REVOKED"))
                .andExpect(jsonPath("$.revocation.reason").value("MISCONDUCT"));
        revoke(honourId, province).andExpect(status().isConflict()).andExpect(jsonPath("$.status").value("REVOKED"));
        ConsumerRecord<String, String> revoked = awaitRecords(events, r -> honourId.equals(r.key())
                && EventTypes.HONOUR_REVOKED.type().equals(ceHeader(r, "ce_type")), 1).get(0);
        assertConformsToSchema(ceHeader(revoked, "ce_type"), revoked.value());
        assertThat((String) JsonPath.read(revoked.value(), "$.memberId")).isEqualTo(memberId);
        events.close();
    }

    @Test
    void theNominatorMayNotApproveTheirOwnNomination() throws Exception {
        String selection = open("MAY_DAY_MEDAL", "PROVINCIAL", null, null);
        String subject = unique("kc");
        RequestPostProcessor maker = TestJwts.user(subject, HUBEI, "union-admin");
        String nomination = id(nominate(selection, maker, """
                {"orgId":"%s","memberId":"%s","frontline":false}""".formatted(YUNXI_ID, member(YUNXI, null)))
                .andExpect(status().isCreated()));
        decide(nomination, TestJwts.user(subject, HUBEI, "union-admin"), "APPROVE", null)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:maker-checker"))
                .andExpect(jsonPath("$.reason").value("SAME_PERSON"));
        decide(nomination, province, "REJECT", null).andExpect(status().isBadRequest());
        decide(nomination, province, "REJECT", "材料不全").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.decision.reason").value("材料不全"));
        decide(nomination, province, "APPROVE", null).andExpect(status().isConflict());
    }

    @Test
    void concurrentNominationsNeverExceedTheUnionsQuota() throws Exception {
        String selection = open("CRAFTSMAN", "PROVINCIAL", 3, null);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            members.add(member(YUNXI, null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (String memberId : members) {
                Callable<Integer> nominateOne = () -> nominate(selection, yunxiAdmin, """
                        {"orgId":"%s","memberId":"%s","frontline":true}""".formatted(YUNXI_ID, memberId))
                        .andReturn().getResponse().getStatus();
                results.add(pool.submit(nominateOne));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(5);
        }
        finally {
            pool.shutdown();
        }
        assertThat(mongo.count(query(where("selectionId").is(selection)), "honour_nominations")).isEqualTo(3);
        nominate(selection, yunxiAdmin, """
                {"orgId":"%s","memberId":"%s","frontline":true}""".formatted(YUNXI_ID, member(YUNXI, null)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:nomination-quota-exhausted"))
                .andExpect(jsonPath("$.quota").value(3));
        // a withdrawal gives the place back; another union has its own quota
        String first = mvc.perform(get(BASE + "/nominations").param("selectionId", selection).with(yunxiAdmin))
                .andReturn().getResponse().getContentAsString();
        String withdrawn = JsonPath.read(first, "$.items[0].id");
        mvc.perform(post(BASE + "/nominations/{id}/withdrawal", withdrawn).with(yunxiAdmin))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WITHDRAWN"));
        nominate(selection, yunxiAdmin, """
                {"orgId":"%s","memberId":"%s","frontline":true}""".formatted(YUNXI_ID, member(YUNXI, null)))
                .andExpect(status().isCreated());
        nominate(selection, staff(ZHUSHAN, "union-admin"), """
                {"orgId":"%s","memberId":"%s","frontline":true}""".formatted(ZHUSHAN_ID, member(ZHUSHAN, null)))
                .andExpect(status().isCreated());
    }

    @Test
    void theFrontlineShareIsCheckedOverTheApprovedIndividualsAtConferral() throws Exception {
        String selection = open("MODEL_WORKER", "PROVINCIAL", null, 0.6);
        approve(selection, true);
        approve(selection, false);
        confer(selection, province).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:frontline-share-not-met"))
                .andExpect(jsonPath("$.frontline").value(1))
                .andExpect(jsonPath("$.individuals").value(2))
                .andExpect(jsonPath("$.required").value(2));
        approve(selection, true);
        confer(selection, province).andExpect(status().isOk()).andExpect(jsonPath("$.honours").value(3));
        nominate(selection, yunxiAdmin, """
                {"orgId":"%s","memberId":"%s","frontline":true}""".formatted(YUNXI_ID, member(YUNXI, null)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.status").value("CONFERRED"));
    }

    @Test
    void aRecipientIsNominatedOncePerSelection() throws Exception {
        String selection = open("ADVANCED_WORKER", "PROVINCIAL", null, null);
        String memberId = member(YUNXI, null);
        String body = """
                {"orgId":"%s","memberId":"%s","frontline":true}""".formatted(YUNXI_ID, memberId);
        String first = id(nominate(selection, yunxiAdmin, body).andExpect(status().isCreated()));
        nominate(selection, staff(SHIYAN, "union-admin"), body.replace(YUNXI_ID, SHIYAN_ID))
                .andExpect(status().isConflict());
        mvc.perform(post(BASE + "/nominations/{id}/withdrawal", first).with(yunxiAdmin)).andExpect(status().isOk());
        nominate(selection, yunxiAdmin, body).andExpect(status().isCreated());
        // a non-member by citizen ID, registered once and shown masked only
        String idNumber = TestCitizenIds.adult();
        String person = """
                {"orgId":"%s","person":{"citizenIdNumber":"%s","legalName":"李四"},"frontline":false,
                 "groupTags":["NEW_EMPLOYMENT_FORM"]}""".formatted(YUNXI_ID, idNumber);
        String nominationId = id(nominate(selection, yunxiAdmin, person).andExpect(status().isCreated())
                .andExpect(jsonPath("$.recipient.person.maskedIdNumber").exists())
                .andExpect(jsonPath("$.recipient.person.maskedName").value("李*")));
        nominate(selection, yunxiAdmin, person).andExpect(status().isConflict());
        String stored = mongo.findById(nominationId, Document.class, "honour_nominations").toJson();
        assertThat(stored).doesNotContain(idNumber).doesNotContain("李四");
        assertThat(mongo.findAll(Document.class, "people").toString()).doesNotContain(idNumber).doesNotContain("李四");
        String response = mvc.perform(get(BASE + "/nominations/{id}", nominationId).with(yunxiAdmin))
                .andReturn().getResponse().getContentAsString();
        assertThat(response).doesNotContain(idNumber).doesNotContain("李四");
        // wrong recipient kind and bad ID numbers are refused naming the field
        nominate(selection, yunxiAdmin, """
                {"orgId":"%s","unit":{"creditCode":"%s","name":"某厂"}}""".formatted(YUNXI_ID, TestCreditCodes.valid()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("recipient"));
        nominate(selection, yunxiAdmin, """
                {"orgId":"%s","person":{"citizenIdNumber":"420322199001011234","legalName":"王五"}}"""
                .formatted(YUNXI_ID)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("person.citizenIdNumber"));
    }

    @Test
    void aTeamAndAUnitAreConferredTheirHonours() throws Exception {
        Consumer<String, String> events = consumer(Topics.COMPETITION_HONOUR);
        String pioneer = open("WORKERS_PIONEER", "PROVINCIAL", null, null);
        String certificate = open("MAY_DAY_CERTIFICATE", "PROVINCIAL", null, null);
        String teamUnit = TestCreditCodes.valid();
        String unit = TestCreditCodes.valid();
        String teamName = unique("郧西电力抢修班");
        String team = id(nominate(pioneer, yunxiAdmin, """
                {"orgId":"%s","team":{"name":"%s","unitCreditCode":"%s","memberIds":["%s","%s"]},"frontline":true}"""
                .formatted(YUNXI_ID, teamName, teamUnit, member(YUNXI, teamUnit), member(YUNXI, teamUnit)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.recipient.team.name").value(teamName))
                .andExpect(jsonPath("$.recipient.team.memberIds.length()").value(2)));
        String unitNomination = id(nominate(certificate, yunxiAdmin, """
                {"orgId":"%s","unit":{"creditCode":"%s","name":"郧西某制造有限公司"}}""".formatted(YUNXI_ID, unit))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.recipient.type").value("UNIT")));
        nominate(certificate, yunxiAdmin, """
                {"orgId":"%s","memberId":"%s"}""".formatted(YUNXI_ID, member(YUNXI, null)))
                .andExpect(status().isBadRequest());
        decide(team, province, "APPROVE", null).andExpect(status().isOk());
        decide(unitNomination, province, "APPROVE", null).andExpect(status().isOk());
        confer(pioneer, province).andExpect(jsonPath("$.honours").value(1));
        confer(certificate, province).andExpect(jsonPath("$.honours").value(1));

        List<ConsumerRecord<String, String>> conferred = awaitRecords(events,
                r -> EventTypes.HONOUR_CONFERRED.type().equals(ceHeader(r, "ce_type"))
                        && (r.value().contains(teamUnit) || r.value().contains(unit)), 2);
        for (ConsumerRecord<String, String> r : conferred) {
            assertConformsToSchema(ceHeader(r, "ce_type"), r.value());
            assertThat(r.value()).doesNotContain(teamName);
        }
        assertThat(conferred).extracting(r -> (String) JsonPath.read(r.value(), "$.recipientType"))
                .containsExactlyInAnyOrder("TEAM", "UNIT");
        ConsumerRecord<String, String> teamHonour = conferred.stream()
                .filter(r -> "TEAM".equals(JsonPath.read(r.value(), "$.recipientType"))).findFirst().orElseThrow();
        assertThat((String) JsonPath.read(teamHonour.value(), "$.teamId")).isNotBlank();
        mvc.perform(get(BASE).param("unitCreditCode", unit).with(staff(YUNXI, "analyst")))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].recipient.unit.name").value("郧西某制造有限公司"));
        events.close();
    }

    @Test
    void unionsActOnlyWithinTheirSubtree() throws Exception {
        String selection = open("MOST_BEAUTIFUL_WORKER", "PROVINCIAL", null, null);
        String yunxiMember = member(YUNXI, null);
        String nomination = id(nominate(selection, yunxiAdmin, """
                {"orgId":"%s","memberId":"%s"}""".formatted(YUNXI_ID, yunxiMember)).andExpect(status().isCreated()));
        RequestPostProcessor zhushan = staff(ZHUSHAN, "union-admin");
        mvc.perform(get(BASE + "/nominations/{id}", nomination).with(zhushan)).andExpect(status().isNotFound());
        mvc.perform(post(BASE + "/nominations/{id}/withdrawal", nomination).with(zhushan))
                .andExpect(status().isNotFound());
        nominate(selection, zhushan, """
                {"orgId":"%s","memberId":"%s"}""".formatted(ZHUSHAN_ID, yunxiMember)).andExpect(status().isNotFound());
        nominate(selection, zhushan, """
                {"orgId":"%s","memberId":"%s"}""".formatted(YUNXI_ID, member(ZHUSHAN, null)))
                .andExpect(status().isNotFound());
        // a county selection is not visible to a sibling county, and a member may not nominate
        String county = id(mvc.perform(post(BASE + "/selections").with(yunxiAdmin)
                .contentType(MediaType.APPLICATION_JSON).content(selectionBody(YUNXI_ID, "MODEL_WORKER", "COUNTY",
                        null, null))).andExpect(status().isCreated()));
        mvc.perform(get(BASE + "/selections/{id}", county).with(zhushan)).andExpect(status().isNotFound());
        mvc.perform(get(BASE + "/selections/{id}", county).with(staff(SHIYAN, "analyst"))).andExpect(status().isOk());
        nominate(selection, worker(unique("kc"), YUNXI), """
                {"orgId":"%s","memberId":"%s"}""".formatted(YUNXI_ID, member(YUNXI, null)))
                .andExpect(status().isForbidden());
    }

    private void approve(String selection, boolean frontline) throws Exception {
        String nomination = id(nominate(selection, yunxiAdmin, """
                {"orgId":"%s","memberId":"%s","frontline":%s}""".formatted(YUNXI_ID, member(YUNXI, null), frontline))
                .andExpect(status().isCreated()));
        decide(nomination, province, "APPROVE", null).andExpect(status().isOk());
    }

    private String open(String type, String level, Integer quota, Double share) throws Exception {
        return id(mvc.perform(post(BASE + "/selections").with(province).contentType(MediaType.APPLICATION_JSON)
                .content(selectionBody(HUBEI_ID, type, level, quota, share))).andExpect(status().isCreated()));
    }

    private static String selectionBody(String orgId, String type, String level, Integer quota, Double share) {
        return """
                {"orgId":"%s","type":"%s","level":"%s","cycle":"%d","nominationOpens":"%s","nominationCloses":"%s",
                 "quotaPerUnion":%s,"minFrontlineShare":%s}""".formatted(orgId, type, level, CYCLES.incrementAndGet(),
                TODAY.minusDays(1), TODAY.plusDays(30), quota, share);
    }

    private ResultActions nominate(String selection, RequestPostProcessor who, String body) throws Exception {
        return mvc.perform(post(BASE + "/selections/{id}/nominations", selection).with(who)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions decide(String nomination, RequestPostProcessor who, String decision, String reason)
            throws Exception {
        return mvc.perform(post(BASE + "/nominations/{id}/decision", nomination).with(who)
                .contentType(MediaType.APPLICATION_JSON).content(reason == null
                        ? "{\"decision\":\"" + decision + "\"}"
                        : "{\"decision\":\"" + decision + "\",\"reason\":\"" + reason + "\"}"));
    }

    private ResultActions confer(String selection, RequestPostProcessor who) throws Exception {
        return mvc.perform(post(BASE + "/selections/{id}/conferral", selection).with(who)
                .contentType(MediaType.APPLICATION_JSON).content("{\"conferredOn\":\"" + TODAY + "\"}"));
    }

    private ResultActions revoke(String honour, RequestPostProcessor who) throws Exception {
        return mvc.perform(post(BASE + "/{id}/revocation", honour).with(who).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"MISCONDUCT\",\"revokedOn\":\"" + TODAY.plusDays(1) + "\"}"));
    }

    private static String id(ResultActions created) throws Exception {
        return JsonPath.read(created.andReturn().getResponse().getContentAsString(), "$.id");
    }
}
