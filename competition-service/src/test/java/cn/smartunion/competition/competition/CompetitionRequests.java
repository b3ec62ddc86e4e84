package cn.smartunion.competition.competition;

import com.jayway.jsonpath.JsonPath;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Competition request bodies and a create-and-publish shortcut for API tests. */
public final class CompetitionRequests {

    public static final String COMPETITIONS = "/api/competition/v1/competitions";

    private CompetitionRequests() {
    }

    /**
     * A body with the registration window open now (or closed since yesterday when {@code open} is false).
     *
     * @param eligibility e.g. {@code {"membersOnly":true}}
     */
    public static String body(String orgId, String type, String level, String trades, String entrantTypes,
                              String eligibility, boolean open) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant opens = now.minus(2, ChronoUnit.DAYS);
        Instant closes = open ? now.plus(20, ChronoUnit.DAYS) : now.minus(1, ChronoUnit.DAYS);
        return """
                {"orgId":"%s","name":"2026年车城工匠杯焊工技能竞赛","brand":"车城工匠杯","type":"%s","level":"%s",
                 "competitionClass":"SECOND","coOrganisers":[{"kind":"HR_DEPARTMENT","name":"十堰市人力资源和社会保障局"}],
                 "trades":%s,"entrantTypes":%s,"teamSize":{"min":3,"max":5},"eligibility":%s,
                 "registrationWindow":{"opensAt":"%s","closesAt":"%s"},
                 "stages":[{"code":"PRELIMINARY","name":"初赛"},{"code":"FINAL","name":"决赛"}]}"""
                .formatted(orgId, type, level, trades, entrantTypes, eligibility, opens, closes);
    }

    public static String skills(String orgId, String level, String eligibility) {
        return body(orgId, "SKILLS", level, "[\"WELDER\",\"ELECTRICIAN\"]", "[\"INDIVIDUAL\",\"TEAM\"]",
                eligibility, true);
    }

    /** Creates and publishes; returns the competition id. */
    public static String published(MockMvc mvc, RequestPostProcessor organiser, String body) throws Exception {
        String created = mvc.perform(post(COMPETITIONS).with(organiser).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(created, "$.id");
        mvc.perform(post(COMPETITIONS + "/" + id + "/publication").with(organiser)).andExpect(status().isOk());
        return id;
    }
}
