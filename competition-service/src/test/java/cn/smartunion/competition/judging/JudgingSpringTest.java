package cn.smartunion.competition.judging;

import cn.smartunion.competition.CompetitionSpringTest;
import cn.smartunion.runtime.testing.TestJwts;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Judging and results tests: the shared competition-service context plus a clock the tests move forward (appeal
 * windows), and a fixture writing competitions and entries in the registration feature's shapes.
 */
@Import(JudgingSpringTest.ClockConfig.class)
@TestPropertySource(properties = "smartunion.competition.appeals.minimum-window=PT1M")
public abstract class JudgingSpringTest extends CompetitionSpringTest {

    protected static final String BASE = "/api/competition/v1/competitions/";

    @Autowired protected MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A published competition organised by Shiyan with the stages PRELIMINARY then FINAL. */
    protected String competition() {
        String id = unique("comp");
        mongo.insert(new Document("_id", id).append("orgId", SHIYAN_ID).append("orgPath", SHIYAN)
                .append("status", "PUBLISHED").append("name", "车城工匠杯焊工技能大赛").append("brand", "车城工匠杯")
                .append("type", "SKILLS").append("level", "CITY").append("competitionClass", "CLASS_II")
                .append("trades", List.of("WELDER"))
                .append("stages", List.of(new Document("code", "FINAL").append("name", "决赛").append("order", 2),
                        new Document("code", "PRELIMINARY").append("name", "初赛").append("order", 1))),
                "competitions");
        return id;
    }

    /** A registered entry in PRELIMINARY of the union at {@code orgPath}; participants are member ids. */
    protected String entry(String competitionId, String orgPath, String entrantType, String unitCreditCode,
                           String... memberIds) {
        String id = unique("entry");
        List<Document> participants = new ArrayList<>();
        for (int i = 0; i < memberIds.length; i++) {
            var member = memberDirectory.find(memberIds[i]).orElseThrow();
            participants.add(new Document("personId", unique("person")).append("memberId", member.memberId())
                    .append("orgId", member.orgId()).append("employerCreditCode", member.employerCreditCode())
                    .append("captain", i == 0));
        }
        mongo.insert(new Document("_id", id).append("competitionId", competitionId)
                .append("orgId", "org-" + orgPath.substring(orgPath.lastIndexOf('/') + 1)).append("orgPath", orgPath)
                .append("entrantType", entrantType).append("trade", "WELDER").append("status", "REGISTERED")
                .append("stages", List.of("PRELIMINARY")).append("participants", participants)
                .append("unitCreditCode", unitCreditCode).append("competitionOrgPath", SHIYAN)
                .append("registeredBy", new Document("kind", "UNION_ADMIN").append("subject", unique("admin"))
                        .append("orgPath", orgPath))
                .append("registeredAt", new java.util.Date()), "entries");
        return id;
    }

    /** A member at {@code orgPath} with a linked account, ready to be appointed a judge; returns the member id. */
    protected String judgeMember(String orgPath, String employerCreditCode, String subject) {
        String memberId = member(orgPath, employerCreditCode);
        linkAccount(memberId, subject);
        return memberId;
    }

    protected static RequestPostProcessor judge(String subject) {
        return TestJwts.user(subject, HUBEI, "judge");
    }

    protected static RequestPostProcessor organiser() {
        return staff(SHIYAN, "competition-organiser");
    }

    protected ResultActions scheme(String competitionId, String stage, String body) throws Exception {
        return mvc.perform(put(BASE + competitionId + "/stages/" + stage + "/marking-scheme").with(organiser())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    protected ResultActions panel(String competitionId, String stage, String chief, String... judges)
            throws Exception {
        return mvc.perform(put(BASE + competitionId + "/stages/" + stage + "/panel").with(organiser())
                .contentType(MediaType.APPLICATION_JSON).content("{\"judges\":[\"" + String.join("\",\"", judges)
                        + "\"],\"chiefJudge\":\"" + chief + "\"}"));
    }

    protected ResultActions score(String subject, String competitionId, String entryId, String scores)
            throws Exception {
        return mvc.perform(post(BASE + competitionId + "/stages/PRELIMINARY/entries/" + entryId + "/scores")
                .with(judge(subject)).contentType(MediaType.APPLICATION_JSON).content("{\"scores\":" + scores + "}"));
    }

    /** The system clock shifted by an offset the tests move forward. */
    public static class MovableClock extends Clock {

        private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

        public void advance(Duration by) {
            offset.updateAndGet(current -> current.plus(by));
        }

        void reset() {
            offset.set(Duration.ZERO);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.offset(Clock.system(zone), offset.get());
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset.get());
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ClockConfig {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }
}
