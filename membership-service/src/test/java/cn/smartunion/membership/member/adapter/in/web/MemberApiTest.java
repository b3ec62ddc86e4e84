package cn.smartunion.membership.member.adapter.in.web;

import cn.smartunion.contracts.CloudEventHeaders;
import cn.smartunion.contracts.EventSchemaAssertions;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.membership.member.MemberServiceTestSupport;
import cn.smartunion.membership.member.TestIdentities;
import cn.smartunion.runtime.testing.TestJwts;
import com.jayway.jsonpath.JsonPath;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static cn.smartunion.runtime.testing.TestJwts.orgUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class MemberApiTest extends MemberServiceTestSupport {

    private static final String MEMBERS = "/api/membership/v1/members";

    @Autowired MockMvc mvc;
    @Autowired MongoClient mongoClient;

    @Test
    void aCountySeesItsOwnMembersOnlyTheCityBothCountiesAndTheProvinceAll() throws Exception {
        String inYunxi = registered(yunxi.id(), "王小明", TestIdentities.citizenIdNumber(), YUNXI);
        String inZhushan = registered(zhushan.id(), "李小红", TestIdentities.citizenIdNumber(), ZHUSHAN);

        mvc.perform(get(MEMBERS + "/" + inYunxi).with(orgUser(YUNXI, "union-staff")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.legalName").value("王小明"));
        mvc.perform(get(MEMBERS + "/" + inYunxi).with(orgUser(ZHUSHAN, "union-staff")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get(MEMBERS + "/" + inZhushan).with(orgUser(YUNXI, "union-admin")))
                .andExpect(status().isNotFound());
        for (String id : List.of(inYunxi, inZhushan)) {
            mvc.perform(get(MEMBERS + "/" + id).with(orgUser(SHIYAN, "union-staff"))).andExpect(status().isOk());
            mvc.perform(get(MEMBERS + "/" + id).with(orgUser(HUBEI, "union-admin"))).andExpect(status().isOk());
        }

        assertThat(listedIds(YUNXI, "")).contains(inYunxi).doesNotContain(inZhushan);
        assertThat(listedIds(ZHUSHAN, "")).contains(inZhushan).doesNotContain(inYunxi);
        assertThat(listedIds(SHIYAN, "")).contains(inYunxi, inZhushan);
        assertThat(listedIds(HUBEI, "")).contains(inYunxi, inZhushan);
        assertThat(listedIds(SHIYAN, "&orgId=" + zhushan.id())).contains(inZhushan).doesNotContain(inYunxi);
        // a county cannot widen its list by naming the city, nor look into its sibling
        mvc.perform(get(MEMBERS + "?orgId=" + shiyan.id()).with(orgUser(YUNXI, "union-staff")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("orgId"));
        mvc.perform(get(MEMBERS + "?orgId=" + zhushan.id()).with(orgUser(YUNXI, "union-staff")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void listsShowPersonalDataMaskedAndFilterByStatusAndGroupTag() throws Exception {
        String idNumber = TestIdentities.citizenIdNumber();
        String rider = registered(yunxi.id(), "欧阳小明", idNumber, YUNXI);
        mvc.perform(put(MEMBERS + "/" + rider + "/group-tags").with(orgUser(YUNXI, "union-staff"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"groupTags\":[\"FOOD_DELIVERY_RIDER\",\"ECOLOGICAL_RANGER\"]}"))
                .andExpect(status().isOk());

        String page = mvc.perform(get(MEMBERS + "?size=200&groupTag=ECOLOGICAL_RANGER&status=ACTIVE")
                        .with(orgUser(YUNXI, "union-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<List<String>>read(page, "$.items[*].id")).contains(rider);
        assertThat(JsonPath.<List<String>>read(page, "$.items[?(@.id=='" + rider + "')].legalName"))
                .containsExactly("欧**明");
        assertThat(JsonPath.<List<String>>read(page, "$.items[?(@.id=='" + rider + "')].citizenIdNumber"))
                .containsExactly(idNumber.substring(0, 4) + "**********" + idNumber.substring(14));
        assertThat(page).doesNotContain(idNumber).doesNotContain("欧阳小明");
        assertThat(listedIds(YUNXI, "&status=RETAINED")).doesNotContain(rider);
        assertThat(listedIds(YUNXI, "&groupTag=COURIER")).doesNotContain(rider);

        mvc.perform(get(MEMBERS + "?size=201").with(orgUser(YUNXI, "union-staff")))
                .andExpect(status().isBadRequest());
        mvc.perform(get(MEMBERS + "?status=ASLEEP").with(orgUser(YUNXI, "union-staff")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aPersonWhoIsAMemberInOneCountyIsRefusedInTheOtherWithoutRevealingWhere() throws Exception {
        String idNumber = TestIdentities.citizenIdNumber();
        String memberId = registered(yunxi.id(), "赵大山", idNumber, YUNXI);

        String problem = register(zhushan.id(), "赵大山", idNumber, ZHUSHAN)
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:already-a-member"))
                .andExpect(jsonPath("$.detail").value(containsString("已是本省工会会员")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(problem).doesNotContain(memberId).doesNotContain(yunxi.id()).doesNotContain("420322")
                .doesNotContain("郧西").doesNotContain(idNumber).doesNotContain("赵大山");

        // a small change of spelling does not make a second person; English for an English client
        register(yunxi.id(), "赵大山", " " + idNumber.toLowerCase() + " ", YUNXI)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:already-a-member"));
        mvc.perform(post(MEMBERS).with(orgUser(ZHUSHAN, "union-staff")).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content(body(zhushan.id(), "赵大山", idNumber)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.title").value("Already a member"))
                .andExpect(jsonPath("$.detail").value(containsString("already a union member")));
    }

    @Test
    void invalidInputIsA400NamingTheFieldAndNeverEchoesTheValue() throws Exception {
        String wrongCheck = TestIdentities.withWrongCheckDigit(TestIdentities.citizenIdNumber());
        String problem = register(yunxi.id(), "张三", wrongCheck, YUNXI)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:validation"))
                .andExpect(jsonPath("$.violations[0].field").value("citizenIdNumber"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(problem).doesNotContain(wrongCheck).doesNotContain(wrongCheck.substring(6, 14));

        String id = TestIdentities.citizenIdNumber();
        postMember(YUNXI, """
                {"orgId":"%s","legalName":"张三","citizenIdNumber":"%s","mobilePhone":"12345",
                 "joinChannel":"MOBILE_WINDOW"}""".formatted(yunxi.id(), id))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("mobilePhone"))
                .andExpect(content().string(not(containsString("12345"))));
        postMember(YUNXI, """
                {"orgId":"%s","legalName":"张三","citizenIdNumber":"%s","groupTags":["COURIER","ASTRONAUT"],
                 "joinChannel":"MOBILE_WINDOW"}""".formatted(yunxi.id(), id))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("groupTags"));
        postMember(YUNXI, """
                {"orgId":"%s","legalName":"张三","citizenIdNumber":"%s","joinChannel":"MOBILE_WINDOW",
                 "employment":{"employerCreditCode":"%s","employmentForm":"LABOUR_CONTRACT"}}"""
                .formatted(yunxi.id(), id, TestIdentities.withWrongCheckDigit(TestIdentities.creditCode())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("employment.employerCreditCode"));
        postMember(YUNXI, """
                {"orgId":"%s","legalName":"张三","citizenIdNumber":"%s","joinChannel":"CARRIER_PIGEON"}"""
                .formatted(yunxi.id(), id))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("joinChannel"));
        postMember(YUNXI, """
                {"orgId":"%s","legalName":"张三","citizenIdNumber":"%s","joinChannel":"MOBILE_WINDOW",
                 "effectiveOn":"2999-01-01"}""".formatted(yunxi.id(), id))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("effectiveOn"));
        // a union outside the caller's subtree is as unknown as one that does not exist
        register(zhushan.id(), "张三", id, YUNXI)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("orgId"));
        register("no-such-org", "张三", id, YUNXI)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("orgId"));
        for (String malformed : List.of("{", "[]", "{\"orgId\":[1]}", "{\"unknown\":1}")) {
            postMember(YUNXI, malformed).andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    void theLifecycleMovesThroughRetainedAndTerminatedAndRefusesIllegalSteps() throws Exception {
        String idNumber = TestIdentities.citizenIdNumber();
        String memberId = registered(yunxi.id(), "孙师傅", idNumber, YUNXI);
        RequestPostProcessor staff = orgUser(YUNXI, "union-staff");

        action(memberId, "reinstate", "{}", staff).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:member-status-conflict"))
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        action(memberId, "retain", "{\"reasonCode\":\"LEFT_EMPLOYMENT\"}", staff).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RETAINED"))
                .andExpect(jsonPath("$.history[1].reasonCode").value("LEFT_EMPLOYMENT"))
                .andExpect(jsonPath("$.history[1].actorKind").value("STAFF"));
        action(memberId, "retain", "{\"reasonCode\":\"LEFT_EMPLOYMENT\"}", staff).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        action(memberId, "retain", "{\"reasonCode\":\"BORED\"}", staff).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("reasonCode"));
        action(memberId, "reinstate", "", staff).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        action(memberId, "terminate", "{\"reasonCode\":\"VOLUNTARY_EXIT\"}", staff).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("TERMINATED"));
        action(memberId, "terminate", "{\"reasonCode\":\"VOLUNTARY_EXIT\"}", staff).andExpect(status().isConflict());
        mvc.perform(put(MEMBERS + "/" + memberId + "/group-tags").with(staff).contentType(MediaType.APPLICATION_JSON)
                .content("{\"groupTags\":[\"COURIER\"]}")).andExpect(status().isConflict());
        // out of scope is not found, whatever the status
        action(memberId, "retain", "{\"reasonCode\":\"RETIRED\"}", orgUser(ZHUSHAN, "union-admin"))
                .andExpect(status().isNotFound());

        // the person joins again in Zhushan: the same record comes back
        String again = register(zhushan.id(), "孙师傅", idNumber, ZHUSHAN).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<String>read(again, "$.id")).isEqualTo(memberId);
        assertThat(JsonPath.<String>read(again, "$.org.path")).isEqualTo(ZHUSHAN);
        assertThat(JsonPath.<List<String>>read(again, "$.history[*].to"))
                .containsExactly("ACTIVE", "RETAINED", "ACTIVE", "TERMINATED", "ACTIVE");
        mvc.perform(get(MEMBERS + "/" + memberId).with(staff)).andExpect(status().isNotFound());
    }

    @Test
    void staffRolesAreRequiredAndAMemberTokenIsForbidden() throws Exception {
        String memberId = registered(yunxi.id(), "周一", TestIdentities.citizenIdNumber(), YUNXI);
        mvc.perform(get(MEMBERS + "/" + memberId).with(orgUser(YUNXI, "member"))).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get(MEMBERS).with(orgUser(YUNXI, "aid-officer"))).andExpect(status().isForbidden());
        register(yunxi.id(), "周二", TestIdentities.citizenIdNumber(), YUNXI, "member")
                .andExpect(status().isForbidden());
        mvc.perform(get(MEMBERS + "/" + memberId)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/membership/v1/group-tags").with(orgUser(YUNXI, "member")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.code=='TRUCK_DRIVER')].label").value("货车司机"));
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/membership/v1/members/{id}/retain")))
                .andExpect(content().string(containsString("/api/membership/v1/me/claim")));
    }

    @Test
    void everyEventReachesKafkaAsACloudEventThatMatchesItsSchemaAndCarriesNoPersonalData() throws Exception {
        String name = "钱多多";
        String idNumber = TestIdentities.citizenIdNumber();
        String phone = TestIdentities.mobilePhone();
        String creditCode = TestIdentities.creditCode();
        String memberId = JsonPath.read(postMember(YUNXI, """
                {"orgId":"%s","legalName":"%s","citizenIdNumber":"%s","mobilePhone":"%s",
                 "employment":{"employerName":"郧西某快递公司","employerCreditCode":"%s","employmentForm":"PLATFORM_FLEXIBLE",
                               "platforms":["MEITUAN","ELEME"]},
                 "groupTags":["FOOD_DELIVERY_RIDER","NEW_FORM_WORKER"],"joinChannel":"MOBILE_WINDOW",
                 "campaignId":"warm-new-2026"}""".formatted(yunxi.id(), name, idNumber, phone, creditCode))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith(MEMBERS + "/")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8), "$.id");
        RequestPostProcessor staff = orgUser(YUNXI, "union-staff");
        mvc.perform(put(MEMBERS + "/" + memberId + "/group-tags").with(staff).contentType(MediaType.APPLICATION_JSON)
                .content("{\"groupTags\":[\"FOOD_DELIVERY_RIDER\",\"MIGRANT_WORKER\"]}")).andExpect(status().isOk());
        mvc.perform(put(MEMBERS + "/" + memberId + "/employment").with(staff).contentType(MediaType.APPLICATION_JSON)
                .content("{\"employmentForm\":\"SELF_EMPLOYED\",\"platforms\":[]}")).andExpect(status().isOk());
        mvc.perform(delete(MEMBERS + "/" + memberId + "/employment").with(staff)).andExpect(status().isOk())
                .andExpect(jsonPath("$.employment").doesNotExist());
        action(memberId, "retain", "{\"reasonCode\":\"LEFT_EMPLOYMENT\"}", staff).andExpect(status().isOk());
        action(memberId, "reinstate", "{}", staff).andExpect(status().isOk());
        action(memberId, "terminate", "{\"reasonCode\":\"DECEASED\"}", staff).andExpect(status().isOk());

        List<String> expected = List.of(EventTypes.MEMBER_ACTIVATED.type(), EventTypes.MEMBER_GROUP_TAGS_CHANGED.type(),
                EventTypes.MEMBER_EMPLOYMENT_CHANGED.type(), EventTypes.MEMBER_EMPLOYMENT_CHANGED.type(),
                EventTypes.MEMBERSHIP_RETAINED.type(),
                EventTypes.MEMBERSHIP_REINSTATED.type(), EventTypes.MEMBERSHIP_TERMINATED.type());
        try (Consumer<String, String> consumer = memberEvents()) {
            List<ConsumerRecord<String, String>> records = awaitRecords(consumer, memberId,
                    found -> found.size() >= expected.size());
            assertThat(records).extracting(r -> ceHeader(r, CloudEventHeaders.TYPE)).containsExactlyElementsOf(expected);
            for (ConsumerRecord<String, String> record : records) {
                String type = ceHeader(record, CloudEventHeaders.TYPE);
                EventSchemaAssertions.assertConformsToSchema(type, record.value());
                assertThat(ceHeader(record, CloudEventHeaders.SUBJECT)).isEqualTo(memberId);
                assertThat(ceHeader(record, CloudEventHeaders.SOURCE)).isEqualTo("/membership-service");
                assertThat(ceHeader(record, CloudEventHeaders.ORG_PATH)).isEqualTo(YUNXI);
                StringBuilder everything = new StringBuilder(record.value());
                record.headers().forEach(h -> everything.append(new String(h.value(), StandardCharsets.UTF_8)));
                assertThat(everything.toString()).doesNotContain(name).doesNotContain(idNumber)
                        .doesNotContain(idNumber.substring(0, 17)).doesNotContain(phone)
                        .doesNotContain(phone.substring(3)).doesNotContain("郧西某快递公司");
            }
            String activated = records.get(0).value();
            assertThat(JsonPath.<Boolean>read(activated, "$.firstJoin")).isTrue();
            assertThat(JsonPath.<String>read(activated, "$.joinChannel")).isEqualTo("MOBILE_WINDOW");
            assertThat(JsonPath.<String>read(activated, "$.actorKind")).isEqualTo("STAFF");
            assertThat(JsonPath.<String>read(activated, "$.employmentForm")).isEqualTo("PLATFORM_FLEXIBLE");
            assertThat(JsonPath.<List<String>>read(records.get(1).value(), "$.added")).containsExactly("MIGRANT_WORKER");
            assertThat(JsonPath.<String>read(records.get(2).value(), "$.employerCreditCode")).isNull();
            assertThat(JsonPath.<String>read(records.get(2).value(), "$.employmentForm")).isEqualTo("SELF_EMPLOYED");
            assertThat(JsonPath.<String>read(records.get(3).value(), "$.employmentForm")).isNull();
            assertThat(JsonPath.<String>read(records.get(6).value(), "$.reasonCode")).isEqualTo("DECEASED");
        }
    }

    @Test
    void storedDocumentsHoldNoPlaintextIdNumberPhoneOrNameButShowThemMasked() throws Exception {
        String name = "司马相如";
        String idNumber = TestIdentities.citizenIdNumber();
        String phone = TestIdentities.mobilePhone();
        String memberId = JsonPath.read(postMember(YUNXI, """
                {"orgId":"%s","legalName":"%s","citizenIdNumber":"%s","mobilePhone":"%s","joinChannel":"MOBILE_WINDOW"}"""
                .formatted(yunxi.id(), name, idNumber, phone))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.legalName").value(name))
                .andExpect(jsonPath("$.citizenIdNumber").value(idNumber.substring(0, 4) + "**********"
                        + idNumber.substring(14)))
                .andExpect(jsonPath("$.mobilePhone").value(phone.substring(0, 3) + "****" + phone.substring(7)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8), "$.id");

        RawBsonDocument raw = mongoClient.getDatabase(DATABASE).getCollection("members", RawBsonDocument.class)
                .find(Filters.eq("_id", memberId)).first();
        assertThat(raw).isNotNull();
        byte[] bytes = new byte[raw.getByteBuffer().remaining()];
        raw.getByteBuffer().get(bytes);
        String everyByte = new String(bytes, StandardCharsets.UTF_8);
        assertThat(everyByte).doesNotContain(idNumber).doesNotContain(idNumber.toLowerCase())
                .doesNotContain(idNumber.substring(4, 14)).doesNotContain(phone).doesNotContain(phone.substring(3, 7))
                .doesNotContain(name).doesNotContain("相如");
        assertThat(raw.toJson()).contains("司**如").contains(phone.substring(0, 3) + "****")
                .contains("\"orgPath\": \"" + YUNXI + "\"");
    }

    @Test
    void aMemberClaimsTheRecordStaffEnteredAndThenReadsItMasked() throws Exception {
        String idNumber = TestIdentities.citizenIdNumber();
        String memberId = registered(yunxi.id(), "吴小花", idNumber, YUNXI);
        Jwt account = TestJwts.orgUserJwt(YUNXI + "/Y0001", "member");
        RequestPostProcessor member = TestJwts.authenticated(account);

        mvc.perform(get("/api/membership/v1/me").with(member)).andExpect(status().isNotFound());

        String unknownPerson = claim(member, TestIdentities.citizenIdNumber(), "吴小花")
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String wrongName = claim(member, idNumber, "吴大花")
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<String>read(wrongName, "$.detail")).isEqualTo(JsonPath.read(unknownPerson, "$.detail"));
        assertThat(wrongName).doesNotContain(memberId);
        claim(member, TestIdentities.withWrongCheckDigit(idNumber), "吴小花").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("citizenIdNumber"));

        claim(member, idNumber, " 吴小花 ").andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(memberId))
                .andExpect(jsonPath("$.legalName").value("吴*花"))
                .andExpect(jsonPath("$.citizenIdNumber").value(idNumber.substring(0, 4) + "**********"
                        + idNumber.substring(14)))
                .andExpect(jsonPath("$.org.name").value("郧西县总工会"));
        claim(member, idNumber, "吴小花").andExpect(status().isOk());
        mvc.perform(get("/api/membership/v1/me").with(member)).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(memberId))
                .andExpect(jsonPath("$.legalName").value("吴*花"))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.history").doesNotExist())
                .andExpect(content().string(not(containsString(idNumber))));
        mvc.perform(get(MEMBERS + "/" + memberId).with(orgUser(YUNXI, "union-staff")))
                .andExpect(jsonPath("$.accountLinked").value(true));

        // another account cannot take the record over; staff accounts have no /me
        claim(TestJwts.authenticated(TestJwts.orgUserJwt(YUNXI, "member")), idNumber, "吴小花")
                .andExpect(status().isConflict());
        mvc.perform(get("/api/membership/v1/me").with(orgUser(YUNXI, "union-staff"))).andExpect(status().isForbidden());
    }

    private String registered(String orgId, String name, String idNumber, String callerPath) throws Exception {
        String body = register(orgId, name, idNumber, callerPath).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return JsonPath.read(body, "$.id");
    }

    private ResultActions register(String orgId, String name, String idNumber, String callerPath, String... roles)
            throws Exception {
        return mvc.perform(post(MEMBERS).with(orgUser(callerPath, roles.length == 0 ? new String[]{"union-staff"} : roles))
                .contentType(MediaType.APPLICATION_JSON).content(body(orgId, name, idNumber)));
    }

    private static String body(String orgId, String name, String idNumber) {
        return """
                {"orgId":"%s","legalName":"%s","citizenIdNumber":"%s","joinChannel":"MOBILE_WINDOW",
                 "groupTags":["COURIER"]}""".formatted(orgId, name, idNumber);
    }

    private ResultActions postMember(String callerPath, String json) throws Exception {
        return mvc.perform(post(MEMBERS).with(orgUser(callerPath, "union-staff"))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions action(String memberId, String action, String json, RequestPostProcessor caller)
            throws Exception {
        var request = post(MEMBERS + "/" + memberId + "/" + action).with(caller);
        if (!json.isEmpty()) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request);
    }

    private ResultActions claim(RequestPostProcessor member, String idNumber, String name) throws Exception {
        return mvc.perform(post("/api/membership/v1/me/claim").with(member).contentType(MediaType.APPLICATION_JSON)
                .content("{\"citizenIdNumber\":\"%s\",\"legalName\":\"%s\"}".formatted(idNumber, name)));
    }

    private List<String> listedIds(String callerPath, String query) throws Exception {
        String page = mvc.perform(get(MEMBERS + "?size=200" + query).with(orgUser(callerPath, "union-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return JsonPath.read(page, "$.items[*].id");
    }
}
