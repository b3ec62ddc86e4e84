package cn.smartunion.membership.recognition;

import cn.smartunion.contracts.CloudEventHeaders;
import cn.smartunion.contracts.EventSchemaAssertions;
import cn.smartunion.contracts.EventType;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.competition.Certifier;
import cn.smartunion.contracts.competition.CompetitionLevel;
import cn.smartunion.contracts.competition.HonourConferred;
import cn.smartunion.contracts.competition.HonourLevel;
import cn.smartunion.contracts.competition.HonourRevoked;
import cn.smartunion.contracts.competition.HonourType;
import cn.smartunion.contracts.competition.RecipientType;
import cn.smartunion.contracts.competition.RevocationReason;
import cn.smartunion.contracts.competition.SkillLevel;
import cn.smartunion.contracts.competition.SkillLevelCertified;
import cn.smartunion.contracts.competition.TitleConferred;
import cn.smartunion.contracts.competition.TitleType;
import cn.smartunion.membership.member.MemberServiceTestSupport;
import cn.smartunion.membership.member.TestIdentities;
import cn.smartunion.runtime.events.CloudEventCodec;
import cn.smartunion.runtime.outbox.OutboxEvent;
import cn.smartunion.runtime.outbox.OutboxEvents;
import cn.smartunion.runtime.testing.TestJwts;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static cn.smartunion.runtime.testing.TestJwts.orgUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A member's honours, titles and skill levels conferred by competition-service appear on their profile (staff view
 * and the member's own), each once however often the event is delivered; the member's account link is announced to
 * the other services without personal data.
 */
class MemberRecognitionsTest extends MemberServiceTestSupport {

    private static final String MEMBERS = "/api/membership/v1/members";

    @Autowired MockMvc mvc;
    @Autowired KafkaTemplate<String, String> kafka;
    @Autowired OutboxEvents outboxEvents;

    @Test
    void conferredHonoursTitlesAndSkillLevelsAppearOnTheProfileOnceAndRevocationsAreShown() throws Exception {
        String idNumber = TestIdentities.citizenIdNumber();
        String memberId = registered(idNumber, "欧阳劳模");
        String account = UUID.randomUUID().toString();
        RequestPostProcessor member = TestJwts.user(account, YUNXI + "/Y0001", "member");

        try (Consumer<String, String> events = memberEvents()) {
            mvc.perform(post("/api/membership/v1/me/claim").with(member).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"citizenIdNumber\":\"%s\",\"legalName\":\"欧阳劳模\"}".formatted(idNumber)))
                    .andExpect(status().isOk());
            ConsumerRecord<String, String> linked = awaitRecords(events, memberId, found -> found.stream()
                            .anyMatch(r -> EventTypes.MEMBER_ACCOUNT_LINKED.type().equals(ceHeader(r, CloudEventHeaders.TYPE)))).stream()
                    .filter(r -> EventTypes.MEMBER_ACCOUNT_LINKED.type().equals(ceHeader(r, CloudEventHeaders.TYPE)))
                    .findFirst().orElseThrow();
            EventSchemaAssertions.assertConformsToSchema(EventTypes.MEMBER_ACCOUNT_LINKED.type(), linked.value());
            assertThat(JsonPath.<String>read(linked.value(), "$.accountSubject")).isEqualTo(account);
            assertThat(linked.value()).doesNotContain(idNumber).doesNotContain("欧阳");
        }

        HonourConferred modelWorker = new HonourConferred("h-" + UUID.randomUUID(), HonourType.MODEL_WORKER,
                HonourLevel.PROVINCIAL, "2021-2025", RecipientType.INDIVIDUAL, memberId, "p-1", null, null, true,
                List.of(), yunxi.id(), YUNXI, HUBEI, LocalDate.of(2026, 4, 28), Instant.now());
        HonourConferred medal = new HonourConferred("h-" + UUID.randomUUID(), HonourType.MAY_DAY_MEDAL,
                HonourLevel.CITY, "2026", RecipientType.INDIVIDUAL, memberId, "p-1", null, null, true, List.of(),
                yunxi.id(), YUNXI, SHIYAN, LocalDate.of(2026, 4, 20), Instant.now());
        HonourConferred teamHonour = new HonourConferred("h-" + UUID.randomUUID(), HonourType.WORKERS_PIONEER,
                HonourLevel.PROVINCIAL, "2026", RecipientType.TEAM, null, null, "team-1", null, true, List.of(),
                yunxi.id(), YUNXI, HUBEI, LocalDate.of(2026, 4, 28), Instant.now());
        TitleConferred title = new TitleConferred("t-" + UUID.randomUUID(), TitleType.TECH_EXPERT,
                CompetitionLevel.CITY, RecipientType.INDIVIDUAL, memberId, "p-1", "e-1", null, "c-1", "WELDER",
                yunxi.id(), SHIYAN, LocalDate.of(2026, 10, 9), Instant.now());
        SkillLevelCertified skill = new SkillLevelCertified("sc-" + UUID.randomUUID(), "p-1", memberId, "WELDER",
                SkillLevel.TECHNICIAN, Certifier.COMPETITION_RESULT, "c-1", yunxi.id(), SHIYAN,
                LocalDate.of(2026, 10, 9), Instant.now());
        OutboxEvent conferral = event(EventTypes.HONOUR_CONFERRED, modelWorker.honourId(), modelWorker);
        send(conferral, event(EventTypes.HONOUR_CONFERRED, medal.honourId(), medal),
                event(EventTypes.HONOUR_CONFERRED, teamHonour.honourId(), teamHonour),
                event(EventTypes.TITLE_CONFERRED, title.titleId(), title),
                event(EventTypes.SKILL_LEVEL_CERTIFIED, skill.certificationId(), skill),
                conferral,
                event(EventTypes.HONOUR_REVOKED, medal.honourId(), new HonourRevoked(medal.honourId(),
                        HonourType.MAY_DAY_MEDAL, HonourLevel.CITY, RecipientType.INDIVIDUAL, memberId, "p-1", null,
                        null, RevocationReason.MISCONDUCT, yunxi.id(), YUNXI, LocalDate.of(2026, 11, 1),
                        Instant.now())));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get(MEMBERS + "/" + memberId).with(orgUser(YUNXI, "union-staff")))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.recognitions.honours", hasSize(2)))
                        .andExpect(jsonPath("$.recognitions.honours[0].type").value("MODEL_WORKER"))
                        .andExpect(jsonPath("$.recognitions.honours[0].level").value("PROVINCIAL"))
                        .andExpect(jsonPath("$.recognitions.honours[0].revokedOn").isEmpty())
                        .andExpect(jsonPath("$.recognitions.honours[1].type").value("MAY_DAY_MEDAL"))
                        .andExpect(jsonPath("$.recognitions.honours[1].revokedOn").value("2026-11-01"))
                        .andExpect(jsonPath("$.recognitions.titles[0].title").value("TECH_EXPERT"))
                        .andExpect(jsonPath("$.recognitions.skillLevels[0].level").value("TECHNICIAN")));
        mvc.perform(get("/api/membership/v1/me").with(member)).andExpect(status().isOk())
                .andExpect(jsonPath("$.recognitions.honours", hasSize(2)))
                .andExpect(jsonPath("$.recognitions.honours[0].honourId").value(modelWorker.honourId()))
                .andExpect(jsonPath("$.recognitions.titles", hasSize(1)))
                .andExpect(jsonPath("$.recognitions.skillLevels", hasSize(1)));
    }

    @Test
    void aMemberWithoutRecognitionsShowsEmptyLists() throws Exception {
        String memberId = registered(TestIdentities.citizenIdNumber(), "李平常");
        mvc.perform(get(MEMBERS + "/" + memberId).with(orgUser(YUNXI, "union-staff"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.recognitions.honours", hasSize(0)))
                .andExpect(jsonPath("$.recognitions.titles", hasSize(0)))
                .andExpect(jsonPath("$.recognitions.skillLevels", hasSize(0)));
    }

    private String registered(String idNumber, String name) throws Exception {
        String body = mvc.perform(post(MEMBERS).with(orgUser(YUNXI, "union-staff"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"orgId":"%s","legalName":"%s","citizenIdNumber":"%s","joinChannel":"MOBILE_WINDOW",
                                 "groupTags":["COURIER"]}""".formatted(yunxi.id(), name, idNumber)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return JsonPath.read(body, "$.id");
    }

    private OutboxEvent event(EventType type, String key, Object payload) {
        EventSchemaAssertions.assertConformsToSchema(type.type(),
                tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(payload));
        return outboxEvents.create(type, key, YUNXI, payload);
    }

    private void send(OutboxEvent... events) {
        for (OutboxEvent event : events) {
            kafka.send(CloudEventCodec.toRecord(event));
        }
        kafka.flush();
    }
}
