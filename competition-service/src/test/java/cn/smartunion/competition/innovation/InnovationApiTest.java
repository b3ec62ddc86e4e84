package cn.smartunion.competition.innovation;

import cn.smartunion.competition.CompetitionSpringTest;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.Topics;
import cn.smartunion.runtime.testing.TestCitizenIds;
import cn.smartunion.runtime.testing.TestCreditCodes;
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
import java.util.List;

import static cn.smartunion.contracts.EventSchemaAssertions.assertConformsToSchema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class InnovationApiTest extends CompetitionSpringTest {

    private static final String INNOVATIONS = "/api/competition/v1/innovations";
    private static final String STUDIOS = "/api/competition/v1/innovation-studios";
    private static final String ME = "/api/competition/v1/me/innovations";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private final RequestPostProcessor yunxiAdmin = staff(YUNXI, "union-admin");

    @Test
    void aMembersInnovationIsAdoptedAndItsBenefitRecordedWithHistory() throws Exception {
        Consumer<String, String> events = consumer(Topics.COMPETITION_INNOVATION);
        String unit = TestCreditCodes.valid();
        String memberId = member(YUNXI, unit);
        String coAuthor = member(YUNXI, unit);
        String subject = unique("kc");
        linkAccount(memberId, subject);
        String idNumber = TestCitizenIds.adult();

        String id = JsonPath.read(post(worker(subject, YUNXI), INNOVATIONS, """
                {"type":"SMALL_INNOVATION","title":"焊接夹具快速定位改进","summary":"改进定位销，装夹时间缩短一半。",
                 "unitCreditCode":"%s","memberIds":["%s"],
                 "persons":[{"citizenIdNumber":"%s","legalName":"孙七"}],"patent":true}"""
                .formatted(unit, coAuthor, idNumber))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.orgPath").value(YUNXI))
                .andExpect(jsonPath("$.byMember").value(true))
                .andExpect(jsonPath("$.authors.length()").value(3))
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andReturn().getResponse().getContentAsString(), "$.id");
        assertThat(mongo.findById(id, Document.class, "innovations").toJson()).doesNotContain(idNumber, "孙七");

        post(yunxiAdmin, INNOVATIONS + "/" + id + "/benefits", benefit(100_000_00L)).andExpect(status().isConflict());
        post(yunxiAdmin, INNOVATIONS + "/" + id + "/evaluation", """
                {"outcome":"ADOPTED","reason":"效果明显","evaluatedOn":"%s"}""".formatted(TODAY))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ADOPTED"));
        post(yunxiAdmin, INNOVATIONS + "/" + id + "/evaluation", """
                {"outcome":"NOT_ADOPTED","reason":"重复","evaluatedOn":"%s"}""".formatted(TODAY))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.status").value("ADOPTED"));
        post(yunxiAdmin, INNOVATIONS + "/" + id + "/benefits", benefit(80_000_00L)).andExpect(status().isOk())
                .andExpect(jsonPath("$.currentBenefitFen").value(80_000_00L));
        post(yunxiAdmin, INNOVATIONS + "/" + id + "/benefits", benefit(120_000_00L)).andExpect(status().isOk())
                .andExpect(jsonPath("$.currentBenefitFen").value(120_000_00L))
                .andExpect(jsonPath("$.benefits.length()").value(2))
                .andExpect(jsonPath("$.benefits[0].amountFen").value(80_000_00L))
                .andExpect(jsonPath("$.benefits[1].revision").value(2));

        List<ConsumerRecord<String, String>> published = awaitRecords(events, r -> id.equals(r.key()), 4);
        assertThat(published).extracting(r -> ceHeader(r, "ce_type")).containsExactly(
                EventTypes.INNOVATION_SUBMITTED.type(), EventTypes.INNOVATION_EVALUATED.type(),
                EventTypes.INNOVATION_BENEFIT_RECORDED.type(), EventTypes.INNOVATION_BENEFIT_RECORDED.type());
        for (ConsumerRecord<String, String> r : published) {
            assertConformsToSchema(ceHeader(r, "ce_type"), r.value());
            assertThat(r.value()).doesNotContain(idNumber, "孙七");
        }
        assertThat((Integer) JsonPath.read(published.get(0).value(), "$.authorCount")).isEqualTo(3);
        assertThat((List<String>) JsonPath.read(published.get(0).value(), "$.memberIds"))
                .containsExactly(memberId, coAuthor);
        assertThat(((Number) JsonPath.read(published.get(3).value(), "$.previousBenefitFen")).longValue())
                .isEqualTo(80_000_00L);
        events.close();

        mvc.perform(get(INNOVATIONS + "/{id}", id).with(staff(ZHUSHAN, "analyst"))).andExpect(status().isNotFound());
        post(staff(ZHUSHAN, "union-admin"), INNOVATIONS + "/" + id + "/evaluation", """
                {"outcome":"ADOPTED","evaluatedOn":"%s"}""".formatted(TODAY)).andExpect(status().isNotFound());
        mvc.perform(get(INNOVATIONS).param("unitCreditCode", unit).with(staff(SHIYAN, "analyst")))
                .andExpect(jsonPath("$.totalItems").value(1));
    }

    @Test
    void staffSubmitForAUnionInTheirSubtreeOnly() throws Exception {
        String body = """
                {"orgId":"%s","type":"RATIONALISATION_PROPOSAL","title":"合理化建议","summary":"建议。",
                 "unitCreditCode":"%s","memberIds":["%s"]}""";
        String unit = TestCreditCodes.valid();
        post(yunxiAdmin, INNOVATIONS, body.formatted(YUNXI_ID, unit, member(YUNXI, unit)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.byMember").value(false));
        post(yunxiAdmin, INNOVATIONS, body.formatted(ZHUSHAN_ID, unit, member(ZHUSHAN, unit)))
                .andExpect(status().isNotFound());
        post(yunxiAdmin, INNOVATIONS, body.formatted(YUNXI_ID, TestCreditCodes.invalid(), member(YUNXI, unit)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("unitCreditCode"));
        post(yunxiAdmin, INNOVATIONS, """
                {"orgId":"%s","type":"SMALL_DESIGN","title":"t","summary":"s","unitCreditCode":"%s"}"""
                .formatted(YUNXI_ID, unit)).andExpect(status().isBadRequest());
        // a signed-in worker without a linked member record is not a member
        post(worker(unique("kc"), YUNXI), INNOVATIONS, body.formatted(YUNXI_ID, unit, member(YUNXI, unit)))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void aMemberListsTheInnovationsNamingThemAsAuthor() throws Exception {
        String unit = TestCreditCodes.valid();
        String memberId = member(YUNXI, unit);
        String subject = unique("kc");
        linkAccount(memberId, subject);
        RequestPostProcessor me = worker(subject, YUNXI);
        String own = JsonPath.read(post(me, INNOVATIONS, """
                {"type":"SMALL_INVENTION","title":"自制焊缝检测尺","summary":"检测效率提高。","unitCreditCode":"%s"}"""
                .formatted(unit)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
                "$.id");
        String coAuthored = JsonPath.read(post(staff(SHIYAN, "competition-organiser"), INNOVATIONS, """
                {"orgId":"%s","type":"TECHNICAL_INNOVATION","title":"数控工艺改进","summary":"良品率提升。",
                 "unitCreditCode":"%s","memberIds":["%s","%s"]}"""
                .formatted(SHIYAN_ID, unit, member(YUNXI, unit), memberId))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        post(yunxiAdmin, INNOVATIONS, """
                {"orgId":"%s","type":"SMALL_DESIGN","title":"别人的设计","summary":"与我无关。",
                 "unitCreditCode":"%s","memberIds":["%s"]}""".formatted(YUNXI_ID, unit, member(YUNXI, unit)))
                .andExpect(status().isCreated());

        mvc.perform(get(ME).with(me)).andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.contains(coAuthored, own)))
                .andExpect(jsonPath("$.items[0].orgPath").value(SHIYAN))
                .andExpect(jsonPath("$.items[1].authors[0].memberId").value(memberId));
        mvc.perform(get(ME).param("page", "1").param("size", "1").with(me))
                .andExpect(jsonPath("$.page").value(1)).andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.items.length()").value(1)).andExpect(jsonPath("$.items[0].id").value(own));

        String idle = member(YUNXI, unit);
        String idleSubject = unique("kc");
        linkAccount(idle, idleSubject);
        mvc.perform(get(ME).with(worker(idleSubject, YUNXI))).andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(0)).andExpect(jsonPath("$.items").isEmpty());
        mvc.perform(get(ME).with(worker(unique("kc"), YUNXI))).andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(0));

        mvc.perform(get(ME).with(yunxiAdmin)).andExpect(status().isForbidden());
        mvc.perform(get(ME).with(staff(YUNXI, "analyst", "competition-organiser"))).andExpect(status().isForbidden());
        mvc.perform(get(ME).param("size", "101").with(me)).andExpect(status().isBadRequest());
    }

    @Test
    void aStudioIsRegisteredReviewedAndListedWhenItsReviewIsOverdue() throws Exception {
        Consumer<String, String> events = consumer(Topics.COMPETITION_INNOVATION);
        String unit = TestCreditCodes.valid();
        String leader = member(YUNXI, unit);
        String name = unique("郧西劳模创新工作室");
        String overdueId = JsonPath.read(post(yunxiAdmin, STUDIOS, """
                {"orgId":"%s","name":"%s","unitCreditCode":"%s","leaderMemberId":"%s","level":"COUNTY",
                 "alliance":"十堰市职工创新工作室联盟","foundedOn":"%s"}"""
                .formatted(YUNXI_ID, name, unit, leader, TODAY.minusMonths(30)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.reviewPeriodMonths").value(24))
                .andExpect(jsonPath("$.nextReviewDue").value(TODAY.minusMonths(6).toString()))
                .andReturn().getResponse().getContentAsString(), "$.id");
        String recentId = JsonPath.read(post(yunxiAdmin, STUDIOS, """
                {"orgId":"%s","name":"%s","unitCreditCode":"%s","leaderMemberId":"%s","level":"ENTERPRISE",
                 "foundedOn":"%s","reviewPeriodMonths":12,"fundingGrantedFen":5000000}"""
                .formatted(YUNXI_ID, name + "二", unit, leader, TODAY.minusMonths(2)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");

        mvc.perform(get(STUDIOS + "/overdue-reviews").with(staff(SHIYAN, "analyst")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == '%s')]".formatted(overdueId)).exists())
                .andExpect(jsonPath("$.items[?(@.id == '%s')]".formatted(recentId)).doesNotExist());
        mvc.perform(get(STUDIOS + "/overdue-reviews").with(staff(ZHUSHAN, "analyst")))
                .andExpect(jsonPath("$.items[?(@.id == '%s')]".formatted(overdueId)).doesNotExist());
        mvc.perform(get(STUDIOS + "/overdue-reviews").param("asOf", TODAY.plusMonths(11).toString())
                        .with(staff(YUNXI, "analyst")))
                .andExpect(jsonPath("$.items[?(@.id == '%s')]".formatted(recentId)).exists());

        post(yunxiAdmin, STUDIOS + "/" + overdueId + "/level", """
                {"level":"CITY","effectiveOn":"%s"}""".formatted(TODAY)).andExpect(status().isOk())
                .andExpect(jsonPath("$.level").value("CITY"));
        post(yunxiAdmin, STUDIOS + "/" + overdueId + "/reviews", """
                {"rating":"EXCELLENT","reviewedOn":"%s","fundingGrantedFen":200000}""".formatted(TODAY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nextReviewDue").value(TODAY.plusMonths(24).toString()));
        mvc.perform(put(STUDIOS + "/{id}/outputs/{year}", overdueId, TODAY.getYear()).with(yunxiAdmin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"projects\":3,\"patents\":2,\"peopleTrained\":40,\"benefitFen\":1000000}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.outputs[0].patents").value(2));
        mvc.perform(get(STUDIOS + "/overdue-reviews").with(staff(YUNXI, "analyst")))
                .andExpect(jsonPath("$.items[?(@.id == '%s')]".formatted(overdueId)).doesNotExist());

        post(yunxiAdmin, STUDIOS + "/" + recentId + "/reviews", """
                {"rating":"REVOKED","reviewedOn":"%s"}""".formatted(TODAY)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.nextReviewDue").doesNotExist());
        post(yunxiAdmin, STUDIOS + "/" + recentId + "/reviews", """
                {"rating":"PASS","reviewedOn":"%s"}""".formatted(TODAY)).andExpect(status().isConflict());
        mvc.perform(get(STUDIOS + "/{id}", overdueId).with(staff(ZHUSHAN, "analyst"))).andExpect(status().isNotFound());

        List<ConsumerRecord<String, String>> published = awaitRecords(events,
                r -> overdueId.equals(r.key()) || recentId.equals(r.key()), 5);
        assertThat(published).extracting(r -> ceHeader(r, "ce_type")).containsExactlyInAnyOrder(
                EventTypes.INNOVATION_STUDIO_REGISTERED.type(), EventTypes.INNOVATION_STUDIO_REGISTERED.type(),
                EventTypes.STUDIO_LEVEL_CHANGED.type(), EventTypes.STUDIO_REVIEWED.type(),
                EventTypes.STUDIO_REVIEWED.type());
        for (ConsumerRecord<String, String> r : published) {
            assertConformsToSchema(ceHeader(r, "ce_type"), r.value());
        }
        events.close();
    }

    private ResultActions post(RequestPostProcessor who, String path, String body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).with(who)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static String benefit(long fen) {
        return """
                {"amountFen":%d,"periodFrom":"%s","periodTo":"%s","verifiedBy":"企业财务部","verifiedOn":"%s"}"""
                .formatted(fen, TODAY.minusYears(1), TODAY, TODAY);
    }
}
