package cn.smartunion.competition.honour;

import cn.smartunion.competition.CompetitionSpringTest;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.Topics;
import cn.smartunion.runtime.testing.TestCitizenIds;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;

import static cn.smartunion.contracts.EventSchemaAssertions.assertConformsToSchema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class CertificationApiTest extends CompetitionSpringTest {

    private static final String BASE = "/api/competition/v1/certifications";

    @Test
    void aCertificationIsRecordedOnceAndEmittedPseudonymously() throws Exception {
        Consumer<String, String> events = consumer(Topics.COMPETITION_HONOUR);
        String memberId = member(YUNXI, null);
        String idNumber = TestCitizenIds.adult();
        String body = body(YUNXI_ID, memberId, idNumber, "HR_DEPARTMENT", "2026-03-15");
        String first = record(staff(YUNXI, "union-admin"), body).andExpect(status().isCreated())
                .andExpect(jsonPath("$.maskedName").value("赵*"))
                .andExpect(jsonPath("$.memberId").value(memberId))
                .andReturn().getResponse().getContentAsString();
        assertThat(first).doesNotContain(idNumber).doesNotContain("赵六");
        String id = JsonPath.read(first, "$.id");
        record(staff(SHIYAN, "competition-organiser"), body).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id));
        record(staff(YUNXI, "union-admin"), body.replace("2026-03-15", "2026-03-16")).andExpect(status().isCreated());

        assertThat(mongo.findById(id, Document.class, "skill_certifications").toJson())
                .doesNotContain(idNumber).doesNotContain("赵六");
        List<ConsumerRecord<String, String>> certified = awaitRecords(events, r -> r.value().contains(memberId), 2);
        assertThat(certified).filteredOn(r -> id.equals(r.key())).hasSize(1);
        for (ConsumerRecord<String, String> r : certified) {
            assertThat(ceHeader(r, "ce_type")).isEqualTo(EventTypes.SKILL_LEVEL_CERTIFIED.type());
            assertConformsToSchema(ceHeader(r, "ce_type"), r.value());
            assertThat(r.value()).doesNotContain(idNumber).doesNotContain("赵六");
        }
        events.close();

        mvc.perform(get(BASE).param("memberId", memberId).with(staff(SHIYAN, "analyst")))
                .andExpect(jsonPath("$.totalItems").value(2));
        mvc.perform(get(BASE).param("memberId", memberId).with(staff(ZHUSHAN, "analyst")))
                .andExpect(jsonPath("$.totalItems").value(0));
    }

    @Test
    void competitionResultsFutureDatesAndOtherSubtreesAreRefused() throws Exception {
        String idNumber = TestCitizenIds.adult();
        record(staff(YUNXI, "union-admin"), body(YUNXI_ID, null, idNumber, "COMPETITION_RESULT", "2026-03-15"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("certifier"));
        record(staff(YUNXI, "union-admin"), body(YUNXI_ID, null, idNumber, "ENTERPRISE_SELF_ASSESSMENT",
                "2999-01-01")).andExpect(status().isBadRequest());
        record(staff(ZHUSHAN, "union-admin"), body(YUNXI_ID, null, idNumber, "HR_DEPARTMENT", "2026-03-15"))
                .andExpect(status().isNotFound());
        record(staff(ZHUSHAN, "union-admin"), body(ZHUSHAN_ID, member(YUNXI, null), idNumber, "HR_DEPARTMENT",
                "2026-03-15")).andExpect(status().isNotFound());
        record(staff(YUNXI, "analyst"), body(YUNXI_ID, null, idNumber, "HR_DEPARTMENT", "2026-03-15"))
                .andExpect(status().isForbidden());
    }

    private ResultActions record(RequestPostProcessor who, String body) throws Exception {
        return mvc.perform(post(BASE).with(who).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static String body(String orgId, String memberId, String idNumber, String certifier, String on) {
        return """
                {"orgId":"%s","memberId":%s,"person":{"citizenIdNumber":"%s","legalName":"赵六"},"trade":"WELDER",
                 "level":"TECHNICIAN","certifier":"%s","certifyingBody":"湖北省人力资源和社会保障厅","certifiedOn":"%s"}"""
                .formatted(orgId, memberId == null ? "null" : "\"" + memberId + "\"", idNumber, certifier, on);
    }
}
