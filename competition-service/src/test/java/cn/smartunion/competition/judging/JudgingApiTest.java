package cn.smartunion.competition.judging;

import cn.smartunion.competition.judging.domain.LedgerChain;
import cn.smartunion.competition.judging.domain.LedgerEntry;
import cn.smartunion.competition.judging.domain.ScoreLedger;
import cn.smartunion.runtime.testing.TestCreditCodes;
import com.jayway.jsonpath.JsonPath;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class JudgingApiTest extends JudgingSpringTest {

    private static final String SCHEME = """
            {"criteria":[{"code":"SIZE","name":"尺寸精度","kind":"MEASUREMENT","maxMarks":40},
                         {"code":"FINISH","name":"焊缝外观","kind":"JUDGEMENT","maxMarks":60}],
             "minJudges":3,"tieBreaks":["HIGHER_JUDGEMENT_TOTAL"],"appealWindow":"PT1H"}""";

    @Autowired ScoreLedger ledger;
    @Autowired LedgerChain chain;

    @Test
    void judgesFromTheEntrantsUnionOrEmployerAreNotOfferedItAndCannotScoreItAndRecusalsAreLogged()
            throws Exception {
        String employer = TestCreditCodes.valid();
        String comp = competition();
        String yunxiEntry = entry(comp, YUNXI, "INDIVIDUAL", null, member(YUNXI, null));
        String employerEntry = entry(comp, ZHUSHAN, "INDIVIDUAL", null, member(ZHUSHAN, employer));
        String otherEntry = entry(comp, ZHUSHAN, "INDIVIDUAL", null, member(ZHUSHAN, TestCreditCodes.valid()));
        String sameUnion = unique("sub"), sameEmployer = unique("sub"), neutral = unique("sub");
        String j1 = judgeMember(YUNXI, null, sameUnion);
        String j2 = judgeMember(SHIYAN, employer, sameEmployer);
        String j3 = judgeMember(HUBEI, null, neutral);
        scheme(comp, "PRELIMINARY", SCHEME).andExpect(status().isOk()).andExpect(jsonPath("$.frozen").value(false));
        panel(comp, "PRELIMINARY", j3, j1, j2, j3).andExpect(status().isOk());

        mvc.perform(get(BASE + comp + "/stages/PRELIMINARY/my-entries").with(judge(sameUnion)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].entryId",
                        containsInAnyOrder(employerEntry, otherEntry)));
        mvc.perform(get(BASE + comp + "/stages/PRELIMINARY/my-entries").with(judge(sameEmployer)))
                .andExpect(jsonPath("$[*].entryId", containsInAnyOrder(yunxiEntry, otherEntry)));
        score(sameUnion, comp, yunxiEntry, "[{\"criterion\":\"FINISH\",\"value\":2}]")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:conflict-of-interest"))
                .andExpect(jsonPath("$.reason").value("SAME_UNION"));
        score(sameEmployer, comp, employerEntry, "[{\"criterion\":\"FINISH\",\"value\":2}]")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.reason").value("SAME_EMPLOYER"));

        mvc.perform(post(BASE + comp + "/stages/PRELIMINARY/entries/" + otherEntry + "/recusal").with(judge(neutral))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"TRAINED_ENTRANT\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.voluntary").value(true));
        mvc.perform(get(BASE + comp + "/stages/PRELIMINARY/my-entries").with(judge(neutral)))
                .andExpect(jsonPath("$[*].entryId", containsInAnyOrder(yunxiEntry, employerEntry)));
        score(neutral, comp, otherEntry, "[{\"criterion\":\"FINISH\",\"value\":2}]")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.reason").value("RECUSED"));

        mvc.perform(get(BASE + comp + "/stages/PRELIMINARY/recusals").with(organiser()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalItems").value(3))
                .andExpect(jsonPath("$.items[*].reason", containsInAnyOrder("SAME_UNION", "SAME_EMPLOYER",
                        "RECUSED")));
        mvc.perform(get(BASE + comp + "/stages/PRELIMINARY/recusals").with(staff(YUNXI, "competition-organiser")))
                .andExpect(status().isNotFound());
        mvc.perform(get(BASE + comp + "/stages/PRELIMINARY/recusals").with(staff(SHIYAN, "analyst")))
                .andExpect(status().isForbidden());
        String log = mongo.findAll(Document.class, "judge_recusals").toString();
        assertThat(log).doesNotContain("name", "idNumber");
    }

    @Test
    void aResubmittedScoreIsIdempotentAChangedOneIsFinalAndTheFirstScoreFreezesTheScheme() throws Exception {
        String comp = competition();
        String entry = entry(comp, YUNXI, "INDIVIDUAL", null, member(YUNXI, null));
        String subject = unique("sub");
        String j1 = judgeMember(HUBEI, null, subject);
        String j2 = judgeMember(HUBEI, null, unique("sub"));
        String j3 = judgeMember(HUBEI, null, unique("sub"));
        scheme(comp, "PRELIMINARY", SCHEME).andExpect(status().isOk());
        panel(comp, "PRELIMINARY", j1, j1, j2, j3).andExpect(status().isOk());

        String first = score(subject, comp, entry, "[{\"criterion\":\"FINISH\",\"value\":2},"
                + "{\"criterion\":\"SIZE\",\"value\":35.5}]").andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2))).andExpect(jsonPath("$[0].kind").value("SCORE"))
                .andReturn().getResponse().getContentAsString();
        String again = score(subject, comp, entry, "[{\"criterion\":\"FINISH\",\"value\":2.0},"
                + "{\"criterion\":\"SIZE\",\"value\":35.50}]").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat((List<Integer>) JsonPath.read(again, "$[*].seq"))
                .isEqualTo(JsonPath.read(first, "$[*].seq"));
        score(subject, comp, entry, "[{\"criterion\":\"FINISH\",\"value\":3}]")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:score-final"))
                .andExpect(jsonPath("$.criterion").value("FINISH"));
        assertThat(mongo.count(Query.query(where("competitionId").is(comp)), "score_ledger")).isEqualTo(2);

        score(subject, comp, entry, "[{\"criterion\":\"FINISH\",\"value\":4}]")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field")
                        .value("scores[0].value"));
        score(subject, comp, entry, "[{\"criterion\":\"NOPE\",\"value\":1}]").andExpect(status().isBadRequest());
        scheme(comp, "PRELIMINARY", SCHEME).andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value("FROZEN"));

        mvc.perform(get(BASE + comp + "/stages/PRELIMINARY/entries/" + entry + "/scores").with(judge(subject)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.complete").value(false))
                .andExpect(jsonPath("$.criteria[0].marks").value(35.5));
    }

    @Test
    void aSchemeIsCheckedAndAJudgeWithoutALinkedAccountCannotBeAppointed() throws Exception {
        String comp = competition();
        scheme(comp, "PRELIMINARY", SCHEME.replace("\"maxMarks\":60", "\"maxMarks\":50"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("criteria"));
        scheme(comp, "PRELIMINARY", SCHEME.replace("PT1H", "PT30S"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("appealWindow"));
        scheme(comp, "PRELIMINARY", SCHEME.replace("\"minJudges\":3", "\"minJudges\":2"))
                .andExpect(status().isBadRequest());
        scheme(comp, "PRELIMINARY", SCHEME.replace("HIGHER_JUDGEMENT_TOTAL", "HIGHER_CRITERION:OTHER"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("tieBreaks[0]"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .put(BASE + comp + "/stages/PRELIMINARY/marking-scheme").with(staff(ZHUSHAN,
                                "competition-organiser")).contentType(MediaType.APPLICATION_JSON).content(SCHEME))
                .andExpect(status().isNotFound());

        String linked = judgeMember(HUBEI, null, unique("sub"));
        String unlinked = member(HUBEI, null);
        panel(comp, "PRELIMINARY", linked, linked, unlinked).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reason").value("JUDGE_ACCOUNT_NOT_LINKED"))
                .andExpect(jsonPath("$.participant").value(1));
        panel(comp, "PRELIMINARY", unlinked, linked).andExpect(status().isBadRequest());
    }

    @Test
    void concurrentAppendsLeaveAValidChainWithoutGaps() throws Exception {
        String comp = unique("comp");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> appends = IntStream.range(0, 8).<Future<?>>mapToObj(thread -> pool.submit(() -> {
                for (int i = 0; i < 10; i++) {
                    String entryId = "e-" + thread + "-" + i;
                    ledger.append(comp, head -> chain.append(head, comp, LedgerEntry.Kind.SCORE, "PRELIMINARY",
                            entryId, "FINISH", "j-" + thread, BigDecimal.valueOf(2), null, null, null, "sub",
                            Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
                }
            })).toList();
            for (Future<?> append : appends) {
                append.get(60, TimeUnit.SECONDS);
            }
        }
        finally {
            pool.shutdownNow();
        }
        List<Long> seqs = new java.util.ArrayList<>();
        ledger.walk(comp, e -> seqs.add(e.seq()));
        assertThat(seqs).containsExactlyElementsOf(IntStream.rangeClosed(1, 80).mapToObj(Long::valueOf).toList());
        LedgerChain.Verifier verifier = chain.verifier();
        ledger.walk(comp, verifier::accept);
        assertThat(verifier.result().valid()).isTrue();
        assertThat(verifier.result().entries()).isEqualTo(80);
    }

    @Test
    void identicalSubmissionsRacingEachOtherPutTheScoreInTheLedgerOnce() throws Exception {
        String comp = competition();
        String entry = entry(comp, YUNXI, "INDIVIDUAL", null, member(YUNXI, null));
        String s1 = unique("sub"), s2 = unique("sub"), s3 = unique("sub");
        String j1 = judgeMember(HUBEI, null, s1), j2 = judgeMember(HUBEI, null, s2),
                j3 = judgeMember(HUBEI, null, s3);
        scheme(comp, "PRELIMINARY", SCHEME).andExpect(status().isOk());
        panel(comp, "PRELIMINARY", j1, j1, j2, j3).andExpect(status().isOk());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> answers = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        try {
            List<Future<?>> retries = IntStream.range(0, 8).<Future<?>>mapToObj(i -> pool.submit(() -> {
                answers.add(score(s1, comp, entry, "[{\"criterion\":\"FINISH\",\"value\":2}]")
                        .andReturn().getResponse().getStatus());
                return null;
            })).toList();
            for (Future<?> retry : retries) {
                retry.get(60, TimeUnit.SECONDS);
            }
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(answers).hasSize(8).containsOnly(200);
        assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(where("competitionId").is(comp)
                .and("entryId").is(entry).and("kind").is("SCORE")), "score_ledger")).isEqualTo(1);
        mvc.perform(get(BASE + comp + "/score-ledger/verification").with(staff(SHIYAN, "analyst")))
                .andExpect(jsonPath("$.valid").value(true)).andExpect(jsonPath("$.entries").value(1));
    }

    @Test
    void tamperingWithAStoredScoreIsReportedByTheVerificationEndpoint() throws Exception {
        String comp = competition();
        String entry = entry(comp, YUNXI, "INDIVIDUAL", null, member(YUNXI, null));
        String s1 = unique("sub"), s2 = unique("sub"), s3 = unique("sub");
        String j1 = judgeMember(HUBEI, null, s1), j2 = judgeMember(HUBEI, null, s2),
                j3 = judgeMember(HUBEI, null, s3);
        scheme(comp, "PRELIMINARY", SCHEME).andExpect(status().isOk());
        panel(comp, "PRELIMINARY", j1, j1, j2, j3).andExpect(status().isOk());
        score(s1, comp, entry, "[{\"criterion\":\"FINISH\",\"value\":1}]").andExpect(status().isOk());
        score(s2, comp, entry, "[{\"criterion\":\"FINISH\",\"value\":1}]").andExpect(status().isOk());
        score(s3, comp, entry, "[{\"criterion\":\"FINISH\",\"value\":1}]").andExpect(status().isOk());

        String verification = BASE + comp + "/score-ledger/verification";
        mvc.perform(get(verification).with(staff(SHIYAN, "analyst"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true)).andExpect(jsonPath("$.entries").value(3));
        mvc.perform(get(verification).with(judge(s1))).andExpect(status().isOk());
        mvc.perform(get(verification).with(judge(s2))).andExpect(status().isForbidden());
        mvc.perform(get(verification).with(staff(ZHUSHAN, "analyst"))).andExpect(status().isNotFound());

        mongo.updateFirst(Query.query(where("competitionId").is(comp).and("seq").is(2)),
                new Update().set("value", "3"), "score_ledger");

        mvc.perform(get(verification).with(organiser())).andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.firstInvalidSeq").value(2))
                .andExpect(jsonPath("$.problem").value("HASH_MISMATCH"));
    }
}
