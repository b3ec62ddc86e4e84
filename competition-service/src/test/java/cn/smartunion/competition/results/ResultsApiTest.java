package cn.smartunion.competition.results;

import cn.smartunion.competition.judging.JudgingSpringTest;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.Topics;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import java.time.Duration;
import java.util.List;

import static cn.smartunion.contracts.EventSchemaAssertions.assertConformsToSchema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ResultsApiTest extends JudgingSpringTest {

    private static final String SCHEME = """
            {"criteria":[{"code":"SIZE","name":"尺寸精度","kind":"MEASUREMENT","maxMarks":40},
                         {"code":"FINISH","name":"焊缝外观","kind":"JUDGEMENT","maxMarks":60}],
             "minJudges":3,"tieBreaks":["HIGHER_JUDGEMENT_TOTAL"],"appealWindow":"PT1H",
             "awardBands":[{"fromRank":1,"toRank":1,"prizeClass":"FIRST","title":"TECH_CHAMPION",
                            "skillLevel":"SENIOR_TECHNICIAN"},
                           {"fromRank":2,"toRank":2,"prizeClass":"SECOND","title":"TECH_EXPERT"}],
             "advancing":1}""";

    @Test
    void anUpheldAppealChangesTheRankingWithAnAuditTrailALateOneIsRefusedAndFinalisationConfersOnce()
            throws Exception {
        Consumer<String, String> judging = consumer(Topics.COMPETITION_JUDGING);
        Consumer<String, String> honours = consumer(Topics.COMPETITION_HONOUR);
        String comp = competition();
        String worker1 = unique("worker"), worker2 = unique("worker");
        String m1 = member(YUNXI, null);
        linkAccount(m1, worker1);
        String m2 = member(ZHUSHAN, null);
        linkAccount(m2, worker2);
        String e1 = entry(comp, YUNXI, "INDIVIDUAL", null, m1);
        String e2 = entry(comp, ZHUSHAN, "INDIVIDUAL", null, m2);
        String s1 = unique("sub"), s2 = unique("sub"), s3 = unique("sub");
        String j1 = judgeMember(HUBEI, null, s1), j2 = judgeMember(HUBEI, null, s2),
                j3 = judgeMember(HUBEI, null, s3);
        scheme(comp, "PRELIMINARY", SCHEME).andExpect(status().isOk());
        panel(comp, "PRELIMINARY", j1, j1, j2, j3).andExpect(status().isOk());

        // e1: 40 + 2/3 × 60 = 80; e2: 20 + 60 = 80 — tied, the judgement total puts e2 first
        score(s1, comp, e1, "[{\"criterion\":\"SIZE\",\"value\":40},{\"criterion\":\"FINISH\",\"value\":2}]")
                .andExpect(status().isOk());
        score(s2, comp, e1, "[{\"criterion\":\"FINISH\",\"value\":2}]").andExpect(status().isOk());
        mvc.perform(post(BASE + comp + "/stages/PRELIMINARY/results").with(organiser()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.status").value("INCOMPLETE"));
        score(s3, comp, e1, "[{\"criterion\":\"FINISH\",\"value\":2}]").andExpect(status().isOk());
        score(s1, comp, e2, "[{\"criterion\":\"SIZE\",\"value\":20},{\"criterion\":\"FINISH\",\"value\":3}]")
                .andExpect(status().isOk());
        score(s2, comp, e2, "[{\"criterion\":\"FINISH\",\"value\":3}]").andExpect(status().isOk());
        score(s3, comp, e2, "[{\"criterion\":\"FINISH\",\"value\":3}]").andExpect(status().isOk());

        mvc.perform(post(BASE + comp + "/stages/PRELIMINARY/results").with(judge(s1)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PROVISIONAL"))
                .andExpect(jsonPath("$.ranking[*].entryId", contains(e2, e1)))
                .andExpect(jsonPath("$.ranking[*].rank", contains(1, 2)))
                .andExpect(jsonPath("$.ranking[0].totalMarks").value(80.0))
                .andExpect(jsonPath("$.ranking[0].prizeClass").value("FIRST"));
        mvc.perform(get(BASE + comp + "/stages/PRELIMINARY/results").with(worker(worker1, YUNXI)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
        mvc.perform(get(BASE + comp + "/stages/PRELIMINARY/results").with(worker(unique("stranger"), YUNXI)))
                .andExpect(status().isNotFound());

        // inside the window the entrant appeals in writing; only the chief judge decides
        clock.advance(Duration.ofMinutes(30));
        String appealBody = lodge(comp, e1, worker1, YUNXI).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPEN")).andReturn().getResponse().getContentAsString();
        String appealId = JsonPath.read(appealBody, "$.appealId");
        lodge(comp, e1, worker2, ZHUSHAN).andExpect(status().isNotFound());
        mvc.perform(post(BASE + comp + "/stages/PRELIMINARY/results/finalisation").with(organiser()))
                .andExpect(status().isConflict());
        String decision = """
                {"outcome":"UPHELD","reason":"复核录像，第二位评委评分有误",
                 "corrections":[{"criterion":"FINISH","judgeMemberId":"%s","value":3,"reason":"复核录像"}]}"""
                .formatted(j2);
        decide(appealId, s2, decision).andExpect(status().isForbidden());
        decide(appealId, s1, decision).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UPHELD"))
                .andExpect(jsonPath("$.decision.chiefJudgeMemberId").value(j1))
                .andExpect(jsonPath("$.decision.decidedBy").value(s1))
                .andExpect(jsonPath("$.decision.corrections[0].correctsSeq").value(3))
                .andExpect(jsonPath("$.decision.corrections[0].ledgerSeq").value(9));
        decide(appealId, s1, decision).andExpect(status().isOk());
        decide(appealId, s1, decision.replace("\"value\":3", "\"value\":1")).andExpect(status().isConflict());

        // e1: 40 + 7/9 × 60 = 86.67 — now first; version 2 names the appeal; the original score is kept
        mvc.perform(get(BASE + comp + "/stages/PRELIMINARY/results").with(staff(SHIYAN, "analyst")))
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.ranking[*].entryId", contains(e1, e2)))
                .andExpect(jsonPath("$.ranking[0].totalMarks").value(86.67))
                .andExpect(jsonPath("$.versions[1].appealId").value(appealId))
                .andExpect(jsonPath("$.versions[0].ranking[0].entryId").value(e2));
        Document original = mongo.findOne(Query.query(where("competitionId").is(comp).and("seq").is(3)),
                Document.class, "score_ledger");
        Document correction = mongo.findOne(Query.query(where("competitionId").is(comp).and("seq").is(9)),
                Document.class, "score_ledger");
        assertThat(original.getString("value")).isEqualTo("2");
        assertThat(correction.getString("kind")).isEqualTo("CORRECTION");
        assertThat(correction.get("correctsSeq", Number.class).longValue()).isEqualTo(3);
        mvc.perform(get(BASE + comp + "/score-ledger/verification").with(organiser()))
                .andExpect(jsonPath("$.valid").value(true)).andExpect(jsonPath("$.entries").value(9));
        mvc.perform(get("/api/competition/v1/appeals/" + appealId).with(worker(worker1, YUNXI)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.grounds").value("第二位评委对焊缝外观评分偏低，请复核录像"));
        assertThat(mongo.findById(appealId, Document.class, "appeals").toJson()).doesNotContain("评分偏低");

        // after the new version's window an appeal is refused; finalising twice confers once
        clock.advance(Duration.ofMinutes(61));
        lodge(comp, e2, worker2, ZHUSHAN).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:appeal-window-closed"))
                .andExpect(jsonPath("$.appealDeadline").exists());
        mvc.perform(post(BASE + comp + "/stages/PRELIMINARY/results/finalisation").with(organiser()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("FINAL"));
        mvc.perform(post(BASE + comp + "/stages/PRELIMINARY/results/finalisation").with(judge(s1)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("FINAL"));
        assertThat(mongo.count(Query.query(where("competitionId").is(comp)), "conferred_titles")).isEqualTo(2);
        assertThat(mongo.count(Query.query(where("competitionId").is(comp)), "result_certifications"))
                .isEqualTo(1);
        assertThat(mongo.findById(e1, Document.class, "entries").getList("stages", String.class))
                .containsExactly("PRELIMINARY", "FINAL");
        assertThat(mongo.findById(e2, Document.class, "entries").getList("stages", String.class))
                .containsExactly("PRELIMINARY");
        mvc.perform(get("/api/competition/v1/me/titles").with(worker(worker1, YUNXI)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].title").value("TECH_CHAMPION"));
        mvc.perform(get("/api/competition/v1/titles").param("memberId", m2).with(staff(ZHUSHAN, "union-admin")))
                .andExpect(jsonPath("$.items[0].title").value("TECH_EXPERT"));
        mvc.perform(get("/api/competition/v1/titles").param("memberId", m2).with(staff(YUNXI, "union-admin")))
                .andExpect(jsonPath("$.totalItems").value(0));

        // one ScoresFinalised per entry: the upheld appeal's correction does not publish another
        List<ConsumerRecord<String, String>> events = awaitRecords(judging, r -> comp.equals(r.key()), 7);
        assertThat(events).extracting(r -> ceHeader(r, "ce_type")).containsExactlyInAnyOrder(
                EventTypes.SCORES_FINALISED.type(), EventTypes.SCORES_FINALISED.type(),
                EventTypes.RESULTS_PUBLISHED.type(), EventTypes.APPEAL_LODGED.type(),
                EventTypes.APPEAL_DECIDED.type(), EventTypes.RESULTS_PUBLISHED.type(),
                EventTypes.RESULTS_FINALISED.type());
        for (ConsumerRecord<String, String> event : events) {
            assertConformsToSchema(ceHeader(event, "ce_type"), event.value());
            assertThat(event.value()).doesNotContain("第二位评委", "复核录像");
        }
        List<ConsumerRecord<String, String>> conferred = awaitRecords(honours,
                r -> r.value().contains(comp), 3);
        for (ConsumerRecord<String, String> event : conferred) {
            assertConformsToSchema(ceHeader(event, "ce_type"), event.value());
        }
        assertThat(conferred).extracting(r -> ceHeader(r, "ce_type")).containsExactlyInAnyOrder(
                EventTypes.TITLE_CONFERRED.type(), EventTypes.TITLE_CONFERRED.type(),
                EventTypes.SKILL_LEVEL_CERTIFIED.type());
        assertThat(conferred.stream().filter(r -> r.value().contains(m1)).map(ConsumerRecord::value).toList())
                .anySatisfy(v -> assertThat(v).contains("\"certifier\":\"COMPETITION_RESULT\""))
                .anySatisfy(v -> assertThat(v).contains("\"title\":\"TECH_CHAMPION\"", "\"level\":\"CITY\""));
        judging.close();
        honours.close();
    }

    private ResultActions lodge(String comp, String entryId, String subject, String orgPath) throws Exception {
        return mvc.perform(post(BASE + comp + "/stages/PRELIMINARY/entries/" + entryId + "/appeals")
                .with(worker(subject, orgPath)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"grounds\":\"第二位评委对焊缝外观评分偏低，请复核录像\",\"criteria\":[\"FINISH\"]}"));
    }

    private ResultActions decide(String appealId, String subject, String body) throws Exception {
        return mvc.perform(post("/api/competition/v1/appeals/" + appealId + "/decision").with(judge(subject))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
