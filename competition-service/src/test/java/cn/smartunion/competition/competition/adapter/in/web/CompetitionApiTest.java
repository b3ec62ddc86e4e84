package cn.smartunion.competition.competition.adapter.in.web;

import cn.smartunion.competition.CompetitionSpringTest;
import cn.smartunion.competition.competition.CompetitionRequests;
import cn.smartunion.contracts.Topics;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;

import static cn.smartunion.competition.competition.CompetitionRequests.COMPETITIONS;
import static cn.smartunion.contracts.EventSchemaAssertions.assertConformsToSchema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class CompetitionApiTest extends CompetitionSpringTest {

    private final RequestPostProcessor shiyanOrganiser = staff(SHIYAN, "competition-organiser");

    @Test
    void anOrganiserCreatesEditsAndPublishesASkillsCompetitionAndMembersSeeItOnlyOncePublished() throws Exception {
        Consumer<String, String> events = consumer(Topics.COMPETITION_COMPETITION);
        String body = CompetitionRequests.skills(SHIYAN_ID, "CITY", "{\"membersOnly\":true,\"minAge\":18}");
        String created = mvc.perform(post(COMPETITIONS).with(shiyanOrganiser).contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", unique("create-competition")).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.stages[1].code").value("FINAL"))
                .andExpect(jsonPath("$.stages[1].order").value(2))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(created, "$.id");
        RequestPostProcessor member = worker(unique("worker"), YUNXI);

        mvc.perform(get(COMPETITIONS + "/" + id).with(member)).andExpect(status().isNotFound());
        mvc.perform(put(COMPETITIONS + "/" + id).with(shiyanOrganiser).contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("\"SECOND\"", "\"FIRST\"")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.competitionClass").value("FIRST"));
        mvc.perform(post(COMPETITIONS + "/" + id + "/publication").with(shiyanOrganiser))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.registrationOpen").value(true));
        mvc.perform(post(COMPETITIONS + "/" + id + "/publication").with(shiyanOrganiser))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.status").value("PUBLISHED"));
        mvc.perform(put(COMPETITIONS + "/" + id).with(shiyanOrganiser).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isConflict());

        mvc.perform(get(COMPETITIONS + "/" + id).with(member)).andExpect(status().isOk())
                .andExpect(jsonPath("$.brand").value("车城工匠杯"));
        mvc.perform(get(COMPETITIONS).param("openNow", "true").param("trade", "WELDER").param("size", "100")
                        .with(member))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].id", hasItem(id)));

        ConsumerRecord<String, String> published = awaitRecords(events, r -> id.equals(r.key()), 1).get(0);
        assertThat(ceHeader(published, "ce_type")).isEqualTo("cn.smartunion.competition.competition.published.v1");
        assertConformsToSchema(ceHeader(published, "ce_type"), published.value());
        assertThat(JsonPath.<String>read(published.value(), "$.competitionClass")).isEqualTo("FIRST");
        assertThat(JsonPath.<List<String>>read(published.value(), "$.stages")).containsExactly("PRELIMINARY", "FINAL");
        assertThat(published.value()).doesNotContain("十堰市人力资源和社会保障局");

        mvc.perform(post(COMPETITIONS + "/" + id + "/cancellation").with(shiyanOrganiser))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));
        ConsumerRecord<String, String> cancelled = awaitRecords(events, r -> id.equals(r.key()), 1).get(0);
        assertConformsToSchema(ceHeader(cancelled, "ce_type"), cancelled.value());
        assertThat(JsonPath.<Boolean>read(cancelled.value(), "$.wasPublished")).isTrue();
        events.close();
    }

    @Test
    void theSameIdempotencyKeyAndBodyGiveTheSameCompetition() throws Exception {
        String key = unique("idem-competition");
        String body = CompetitionRequests.skills(SHIYAN_ID, "CITY", "{}");
        RequestPostProcessor organiser = staff(SHIYAN, "competition-organiser");
        String first = mvc.perform(post(COMPETITIONS).with(organiser).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String second = mvc.perform(post(COMPETITIONS).with(organiser).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(header().string("Idempotent-Replayed", "true"))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(second, "$.id")).isEqualTo(JsonPath.<String>read(first, "$.id"));
    }

    @Test
    void scopeRolesAndBadInput() throws Exception {
        String body = CompetitionRequests.skills(SHIYAN_ID, "CITY", "{}");
        mvc.perform(post(COMPETITIONS).with(staff(YUNXI, "competition-organiser"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isNotFound());
        mvc.perform(post(COMPETITIONS).with(staff(SHIYAN, "union-admin"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        String draft = JsonPath.read(mvc.perform(post(COMPETITIONS).with(shiyanOrganiser)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse()
                .getContentAsString(), "$.id");
        mvc.perform(get(COMPETITIONS + "/" + draft).with(staff(ZHUSHAN, "analyst"))).andExpect(status().isNotFound());
        mvc.perform(get(COMPETITIONS + "/" + draft).with(staff(SHIYAN, "analyst"))).andExpect(status().isOk());
        mvc.perform(get(COMPETITIONS).param("size", "100").with(staff(ZHUSHAN, "analyst")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].id", not(hasItem(draft))));

        mvc.perform(post(COMPETITIONS).with(shiyanOrganiser).contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("\"SKILLS\"", "\"KARAOKE\"")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("type"));
        mvc.perform(post(COMPETITIONS).with(shiyanOrganiser).contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("\"trades\":[\"WELDER\",\"ELECTRICIAN\"]", "\"trades\":[]")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("trades"));
        mvc.perform(post(COMPETITIONS).with(shiyanOrganiser).contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("\"name\":\"2026年车城工匠杯焊工技能竞赛\",", "")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("name"));
        mvc.perform(post(COMPETITIONS).with(shiyanOrganiser).contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("\"trades\":[\"WELDER\"", "\"trades\":[\"welder\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value(org.hamcrest.Matchers.startsWith("trades")));
        mvc.perform(get(COMPETITIONS).param("size", "101").with(shiyanOrganiser)).andExpect(status().isBadRequest());
    }
}
