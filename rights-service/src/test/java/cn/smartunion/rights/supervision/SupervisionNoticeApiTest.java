package cn.smartunion.rights.supervision;

import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.Topics;
import cn.smartunion.rights.RightsSpringTest;
import cn.smartunion.runtime.testing.TestCreditCodes;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static cn.smartunion.contracts.EventSchemaAssertions.assertConformsToSchema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class SupervisionNoticeApiTest extends RightsSpringTest {

    private static final String BASE = "/api/rights/v1/supervision-notices";
    private static final String AGENT = "rights-agent";

    @Test
    void anAgentIssuesANoticeAndRecordsTheEmployersReply() throws Exception {
        Consumer<String, String> events = consumer(Topics.RIGHTS_SUPERVISION);
        String code = TestCreditCodes.valid();
        String employer = unique("十堰某建筑公司");
        String content = "经查，张三等12名职工2026年1至3月工资被拖欠，联系电话13912345678，请于15日内整改。";

        String body = issue(YUNXI_ID, "REMINDER_LETTER", code, employer, "[\"WAGE_ARREARS\",\"OVERTIME\"]", content)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("ISSUED"))
                .andExpect(jsonPath("$.content").value(content))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.id");
        String employerId = UUID.nameUUIDFromBytes(("employer:" + code).getBytes(StandardCharsets.UTF_8)).toString();
        assertThat((String) JsonPath.read(body, "$.employer.employerId")).isEqualTo(employerId);

        Document stored = mongo.findById(id, Document.class, "supervision_notices");
        assertThat(stored.toJson()).doesNotContain("张三").doesNotContain("13912345678");

        ConsumerRecord<String, String> issued = awaitRecords(events, r -> id.equals(r.key()), 1).get(0);
        assertThat(ceHeader(issued, "ce_type")).isEqualTo(EventTypes.SUPERVISION_NOTICE_ISSUED.type());
        assertConformsToSchema(ceHeader(issued, "ce_type"), issued.value());
        assertThat(issued.value()).doesNotContain(code, employer, "张三", "13912345678");
        assertThat((String) JsonPath.read(issued.value(), "$.employerId")).isEqualTo(employerId);
        events.close();

        // analysts read it without the content
        mvc.perform(get(BASE + "/{id}", id).with(staff(SHIYAN, "analyst")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.content").doesNotExist());

        respond(id, "{\"respondedOn\":\"2026-04-10\",\"accepted\":true}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RESPONDED"))
                .andExpect(jsonPath("$.response.accepted").value(true));
        respond(id, "{\"respondedOn\":\"2026-04-11\",\"accepted\":false}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.status").value("RESPONDED"));
    }

    @Test
    void anInvalidCreditCodeIsRefusedNamingTheField() throws Exception {
        issue(YUNXI_ID, "OPINION", TestCreditCodes.invalid(), "某厂", "[\"OTHER\"]", "内容")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("employer.creditCode"));
        issue(YUNXI_ID, "OPINION", TestCreditCodes.valid(), "某厂", "[\"OTHER\",\"OTHER\"]", "内容")
                .andExpect(status().isBadRequest());
        issue(YUNXI_ID, "OPINION", TestCreditCodes.valid(), "某厂", "[]", "内容")
                .andExpect(status().isBadRequest());
        issue(YUNXI_ID, "OPINION", TestCreditCodes.valid(), "某厂", "[\"OTHER\"]", "长".repeat(4001))
                .andExpect(status().isBadRequest());
    }

    @Test
    void noticesAreSeenWithinTheSubtreeAndFilteredByEmployer() throws Exception {
        String code = TestCreditCodes.valid();
        String id = JsonPath.read(issue(YUNXI_ID, "RECOMMENDATION", code, "某厂", "[\"SOCIAL_INSURANCE_ARREARS\"]",
                "建议依法补缴社会保险。").andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
                "$.id");
        mvc.perform(get(BASE + "/{id}", id).with(staff(ZHUSHAN, AGENT))).andExpect(status().isNotFound());
        respond(id, ZHUSHAN, "{\"respondedOn\":\"2026-04-10\",\"accepted\":true}").andExpect(status().isNotFound());
        mvc.perform(get(BASE + "/{id}", id).with(staff(SHIYAN, AGENT))).andExpect(status().isOk());
        mvc.perform(get(BASE).param("employerCreditCode", code).with(staff(SHIYAN, "analyst")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id));
        mvc.perform(get(BASE).param("employerCreditCode", code).param("type", "OPINION")
                        .with(staff(SHIYAN, "analyst")))
                .andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get(BASE).param("employerCreditCode", code).with(staff(ZHUSHAN, "analyst")))
                .andExpect(jsonPath("$.totalItems").value(0));
        issue(ZHUSHAN_ID, "OPINION", code, "某厂", "[\"OTHER\"]", "内容").andExpect(status().isNotFound());
        mvc.perform(post(BASE).with(staff(YUNXI, "analyst")).contentType(MediaType.APPLICATION_JSON)
                .content(body(YUNXI_ID, "OPINION", code, "某厂", "[\"OTHER\"]", "内容")))
                .andExpect(status().isForbidden());
    }

    private ResultActions issue(String orgId, String type, String code, String name, String issues, String content)
            throws Exception {
        return mvc.perform(post(BASE).with(staff(YUNXI, AGENT)).contentType(MediaType.APPLICATION_JSON)
                .content(body(orgId, type, code, name, issues, content)));
    }

    private static String body(String orgId, String type, String code, String name, String issues, String content) {
        return """
                {"orgId":"%s","type":"%s","employer":{"creditCode":"%s","name":"%s"},"issues":%s,
                 "content":"%s","issuedOn":"2026-04-01"}""".formatted(orgId, type, code, name, issues, content);
    }

    private ResultActions respond(String id, String body) throws Exception {
        return respond(id, YUNXI, body);
    }

    private ResultActions respond(String id, String orgPath, String body) throws Exception {
        return mvc.perform(post(BASE + "/{id}/response", id).with(staff(orgPath, AGENT))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
