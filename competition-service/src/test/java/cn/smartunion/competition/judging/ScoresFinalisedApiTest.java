package cn.smartunion.competition.judging;

import cn.smartunion.competition.judging.domain.LedgerChain;
import cn.smartunion.competition.judging.domain.LedgerEntry;
import cn.smartunion.competition.judging.domain.ScoreLedger;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.Topics;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Query;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static cn.smartunion.contracts.EventSchemaAssertions.assertConformsToSchema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ScoresFinalisedApiTest extends JudgingSpringTest {

    private static final String SCHEME = """
            {"criteria":[{"code":"SIZE","name":"尺寸精度","kind":"MEASUREMENT","maxMarks":40},
                         {"code":"FINISH","name":"焊缝外观","kind":"JUDGEMENT","maxMarks":60}],
             "minJudges":3,"tieBreaks":["HIGHER_JUDGEMENT_TOTAL"],"appealWindow":"PT1H"}""";
    private static final String SHEETS = "finalised_score_sheets";

    @Autowired ScoreLedger ledger;
    @Autowired LedgerChain chain;

    @Test
    void anEntrysCompletedSheetIsPublishedOnceWithItsTotalAndTheLedgerEntryThatCompletedIt() throws Exception {
        Consumer<String, String> judging = consumer(Topics.COMPETITION_JUDGING);
        String comp = competition();
        String e1 = entry(comp, YUNXI, "INDIVIDUAL", null, member(YUNXI, null));
        String e2 = entry(comp, ZHUSHAN, "INDIVIDUAL", null, member(ZHUSHAN, null));
        String e3 = entry(comp, ZHUSHAN, "INDIVIDUAL", null, member(ZHUSHAN, null));
        String s1 = unique("sub"), s2 = unique("sub"), s3 = unique("sub"), s4 = unique("sub");
        String j1 = judgeMember(HUBEI, null, s1), j2 = judgeMember(HUBEI, null, s2),
                j3 = judgeMember(HUBEI, null, s3), j4 = judgeMember(HUBEI, null, s4);
        scheme(comp, "PRELIMINARY", SCHEME).andExpect(status().isOk());
        panel(comp, "PRELIMINARY", j1, j1, j2, j3, j4).andExpect(status().isOk());

        // e1: complete with the third judge; the retried submission and a fourth judge add nothing
        score(s1, comp, e1, "[{\"criterion\":\"SIZE\",\"value\":35},{\"criterion\":\"FINISH\",\"value\":3}]")
                .andExpect(status().isOk());
        score(s2, comp, e1, "[{\"criterion\":\"FINISH\",\"value\":3}]").andExpect(status().isOk());
        assertThat(sheetsOf(comp)).as("two judgement scores are not enough").isEmpty();
        String completing = score(s3, comp, e1, "[{\"criterion\":\"FINISH\",\"value\":2}]")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        score(s3, comp, e1, "[{\"criterion\":\"FINISH\",\"value\":2}]").andExpect(status().isOk());
        score(s4, comp, e1, "[{\"criterion\":\"FINISH\",\"value\":0}]").andExpect(status().isOk());

        // e2: the last two judges (and a duplicate of one of them) submit at once
        score(s1, comp, e2, "[{\"criterion\":\"SIZE\",\"value\":20.5},{\"criterion\":\"FINISH\",\"value\":2}]")
                .andExpect(status().isOk());
        score(s2, comp, e2, "[{\"criterion\":\"FINISH\",\"value\":2}]").andExpect(status().isOk());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Callable<Integer>> submissions = List.of(
                    () -> scoreStatus(s3, comp, e2), () -> scoreStatus(s3, comp, e2), () -> scoreStatus(s4, comp, e2));
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> submission : pool.invokeAll(submissions, 60, TimeUnit.SECONDS)) {
                statuses.add(submission.get());
            }
            assertThat(statuses).containsOnly(200);
        }
        finally {
            pool.shutdownNow();
        }

        // e3: its scores reached the ledger but the service stopped before finalising: publishing results repairs it
        for (String judge : List.of(j1, j2, j3)) {
            append(comp, e3, "FINISH", judge, "1");
        }
        append(comp, e3, "SIZE", "PANEL", "10");
        assertThat(sheetsOf(comp)).extracting(d -> d.getString("entryId")).containsExactlyInAnyOrder(e1, e2);
        mvc.perform(post(BASE + comp + "/stages/PRELIMINARY/results").with(organiser())).andExpect(status().isOk());
        mvc.perform(post(BASE + comp + "/stages/PRELIMINARY/results").with(organiser())).andExpect(status().isOk());

        List<Document> sheets = sheetsOf(comp);
        assertThat(sheets).extracting(d -> d.getString("entryId")).containsExactlyInAnyOrder(e1, e2, e3);
        Document first = sheets.stream().filter(d -> e1.equals(d.getString("entryId"))).findFirst().orElseThrow();
        assertThat(first.get("ledgerSeq", Number.class).longValue())
                .isEqualTo(((Number) JsonPath.read(completing, "$[0].seq")).longValue());
        assertThat(first.getString("totalMarks")).isEqualTo("88.33");  // 35 + 8/9 × 60, before the fourth judge

        List<ConsumerRecord<String, String>> finalised = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            judging.poll(Duration.ofMillis(200)).forEach(r -> {
                if (comp.equals(r.key()) && EventTypes.SCORES_FINALISED.type().equals(ceHeader(r, "ce_type"))) {
                    finalised.add(r);
                }
            });
            return finalised.size() >= 3 && outboxesDrained(comp);
        });
        // every outbox is relayed: one more poll shows no late duplicate
        judging.poll(Duration.ofSeconds(1)).forEach(r -> {
            if (comp.equals(r.key()) && EventTypes.SCORES_FINALISED.type().equals(ceHeader(r, "ce_type"))) {
                finalised.add(r);
            }
        });
        assertThat(finalised).extracting(r -> (String) JsonPath.read(r.value(), "$.entryId"))
                .containsExactlyInAnyOrder(e1, e2, e3);
        for (ConsumerRecord<String, String> event : finalised) {
            assertConformsToSchema(EventTypes.SCORES_FINALISED.type(), event.value());
            assertThat(event.value()).doesNotContain(j1, j2, j3, j4, s1, s2, s3, s4, "PANEL");
            assertThat((String) JsonPath.read(event.value(), "$.orgPath")).isEqualTo(SHIYAN);
            assertThat((String) JsonPath.read(event.value(), "$.orgId")).isEqualTo(SHIYAN_ID);
        }
        String e1Event = finalised.stream().filter(r -> r.value().contains(e1)).findFirst().orElseThrow().value();
        assertThat(((Number) JsonPath.read(e1Event, "$.totalMarks")).doubleValue()).isEqualTo(88.33);
        assertThat((String) JsonPath.read(e1Event, "$.ledgerHash")).isEqualTo(first.getString("ledgerHash"));
        String e3Event = finalised.stream().filter(r -> r.value().contains(e3)).findFirst().orElseThrow().value();
        assertThat(((Number) JsonPath.read(e3Event, "$.ledgerSeq")).longValue())
                .isEqualTo(ledger.ofEntry(comp, "PRELIMINARY", e3).get(3).seq());
        judging.close();
    }

    private int scoreStatus(String subject, String comp, String entryId) throws Exception {
        return score(subject, comp, entryId, "[{\"criterion\":\"FINISH\",\"value\":3}]").andReturn().getResponse()
                .getStatus();
    }

    private void append(String comp, String entryId, String criterion, String judge, String value) {
        ledger.append(comp, head -> chain.append(head, comp, LedgerEntry.Kind.SCORE, "PRELIMINARY", entryId, criterion,
                judge, new BigDecimal(value), null, null, null, "sub", Instant.now().truncatedTo(ChronoUnit.MILLIS)));
    }

    private List<Document> sheetsOf(String comp) {
        return mongo.find(Query.query(where("competitionId").is(comp)), Document.class, SHEETS);
    }

    private boolean outboxesDrained(String comp) {
        return sheetsOf(comp).stream().allMatch(d -> d.getList("outbox", Document.class, List.of()).isEmpty());
    }
}
