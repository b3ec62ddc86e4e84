package cn.smartunion.membership.org.adapter.in.web;

import cn.smartunion.contracts.CloudEventHeaders;
import cn.smartunion.contracts.EventSchemaAssertions;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.Topics;
import cn.smartunion.contracts.membership.ActorKind;
import cn.smartunion.contracts.membership.JoinChannel;
import cn.smartunion.contracts.membership.MemberActivated;
import cn.smartunion.contracts.membership.MembershipTerminated;
import cn.smartunion.membership.MembershipSpringTest;
import cn.smartunion.membership.org.application.OrgRegistration;
import cn.smartunion.membership.org.domain.OrgPath;
import cn.smartunion.membership.org.domain.OrgType;
import cn.smartunion.membership.org.domain.OrgUnit;
import cn.smartunion.runtime.events.CloudEventCodec;
import cn.smartunion.runtime.outbox.OutboxEvents;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static cn.smartunion.runtime.testing.TestJwts.orgUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Updating, moving and dissolving organisations through the API, and the events each change sends. */
class OrgLifecycleApiTest extends MembershipSpringTest {

    private static final String HUBEI = "420000";
    private static final String ORGS = "/api/membership/v1/orgs";
    private static final Random RANDOM = new Random();

    @Autowired MockMvc mvc;
    @Autowired OrgRegistration registration;
    @Autowired MongoTemplate mongo;
    @Autowired KafkaTemplate<String, String> kafka;
    @Autowired OutboxEvents outboxEvents;

    /** Two fresh cities of Hubei: A with a county, a union in it and a branch below that; B empty. */
    private OrgUnit cityA;
    private OrgUnit cityB;
    private OrgUnit county;
    private OrgUnit union;
    private OrgUnit branch;

    @BeforeEach
    void freshCities() {
        registration.registerRootIfAbsent(HUBEI, "湖北省总工会", OrgType.PROVINCIAL_FEDERATION);
        cityA = registration.registerChildIfAbsent(new OrgPath(HUBEI), divisionCode(), "甲市总工会", OrgType.CITY_FEDERATION);
        cityB = registration.registerChildIfAbsent(new OrgPath(HUBEI), divisionCode(), "乙市总工会", OrgType.CITY_FEDERATION);
        county = registration.registerChildIfAbsent(cityA.path(), divisionCode(), "甲县总工会", OrgType.COUNTY_FEDERATION);
        union = registration.registerChildIfAbsent(county.path(), "G1", "甲县某物流公司工会", OrgType.GRASSROOTS_UNION);
        branch = registration.registerChildIfAbsent(union.path(), "B1", "仓储分会", OrgType.SUB_BRANCH);
    }

    @Test
    void registeringWithTheWholeRecordAnswersWithARevisionAndAnnouncesTheRecord() throws Exception {
        String body = """
                {"parentId":"%s","code":"J1","name":"甲县商圈联合工会","orgType":"JOINT_UNION",
                 "industryCodes":["F52","H"],"employeeCount":246,"foundedOn":"2024-04-28",
                 "coveredUnits":[{"name":"某超市","unifiedSocialCreditCode":"914203220000000015"},
                                 {"name":"某餐馆","unifiedSocialCreditCode":"92420322000000004b"}]}"""
                .formatted(county.id());
        String created = mvc.perform(post(ORGS).with(admin(HUBEI)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.employeeCount").value(246))
                .andExpect(jsonPath("$.memberCount").value(0))
                .andExpect(jsonPath("$.foundedOn").value("2024-04-28"))
                .andExpect(jsonPath("$.coveredUnits[1].unifiedSocialCreditCode").value("92420322000000004B"))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(created, "$.id");

        ConsumerRecord<String, String> event = orgEvents(id, 1).get(0);
        assertThat(event.value()).contains("\"coveredUnitCodes\":[\"914203220000000015\",\"92420322000000004B\"]")
                .doesNotContain("某超市");
    }

    @Test
    void replacingTheRecordNeedsTheRevisionItWasReadAtAndAnnouncesWhatChanged() throws Exception {
        String record = """
                {"name":"甲县某物流公司工会委员会","industryCodes":["G5430"],"employeeCount":180,"ownership":"NON_PUBLIC",
                 "foundedOn":"2019-06-01"}""";
        mvc.perform(put(ORGS + "/" + union.id()).with(admin(HUBEI)).contentType(MediaType.APPLICATION_JSON).content(record))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:precondition-required"));
        mvc.perform(update(union, "*", record)).andExpect(status().isPreconditionRequired());
        mvc.perform(update(union, "\"7\"", record)).andExpect(status().isPreconditionFailed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:precondition-failed"));
        mvc.perform(update(union, "seven", record)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("If-Match"));
        mvc.perform(update(union, "\"0\"", record).with(orgUser(HUBEI, "union-staff"))).andExpect(status().isForbidden());
        mvc.perform(update(union, "\"0\"", record).with(admin(cityB.path().value()))).andExpect(status().isNotFound());

        mvc.perform(update(union, "\"0\"", record))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.name").value("甲县某物流公司工会委员会"))
                .andExpect(jsonPath("$.ownership").value("NON_PUBLIC"))
                .andExpect(jsonPath("$.updatedAt").isNotEmpty());
        mvc.perform(update(union, "\"0\"", record.replace("180", "181"))).andExpect(status().isPreconditionFailed());
        mvc.perform(get(ORGS + "/" + union.id()).with(orgUser(HUBEI, "union-staff")).header("If-None-Match", "\"1\""))
                .andExpect(status().isNotModified());

        List<ConsumerRecord<String, String>> events = orgEvents(union.id(), 2);
        ConsumerRecord<String, String> updated = events.get(1);
        assertThat(ceHeader(updated, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.ORG_UPDATED.type());
        assertThat(JsonPath.<List<String>>read(updated.value(), "$.changedFields"))
                .containsExactly("name", "industryCodes", "ownership", "employeeCount", "foundedOn");
        assertThat(JsonPath.<Integer>read(updated.value(), "$.version")).isEqualTo(1);
    }

    @Test
    void aBadRecordIsAProblemNamingTheFieldNeverAServerError() throws Exception {
        String jointUnion = JsonPath.read(mvc.perform(post(ORGS).with(admin(HUBEI)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentId\":\"%s\",\"code\":\"J2\",\"name\":\"联合工会\",\"orgType\":\"JOINT_UNION\"}"
                                .formatted(county.id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        String path = ORGS + "/" + jointUnion;
        String wrongCheckCharacter = units("{\"name\":\"甲\",\"unifiedSocialCreditCode\":\"914203220000000015\"}",
                "{\"name\":\"乙\",\"unifiedSocialCreditCode\":\"914203220000000016\"}");
        mvc.perform(put(path).with(admin(HUBEI)).header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                        .content(wrongCheckCharacter))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("coveredUnits[1].unifiedSocialCreditCode"));
        String twice = units("{\"name\":\"甲\",\"unifiedSocialCreditCode\":\"914203220000000015\"}",
                "{\"name\":\"乙\",\"unifiedSocialCreditCode\":\"914203220000000015\"}");
        String tooMany = units(IntStream.rangeClosed(0, 2000)
                .mapToObj(i -> "{\"name\":\"单位" + i + "\",\"unifiedSocialCreditCode\":\"914203220000000015\"}")
                .toArray(String[]::new));
        for (String body : List.of(twice, tooMany,
                "{\"name\":\"x\",\"industryCodes\":[\"logistics\"]}",
                "{\"name\":\"x\",\"employeeCount\":-1}",
                "{\"name\":\"x\",\"ownership\":\"PRIVATE\"}",
                "{\"name\":\"x\",\"foundedOn\":\"2026-13-01\"}",
                "{\"name\":\"x\",\"endsOn\":\"2030-01-01\"}",
                "{\"name\":\"x\",\"coveredUnits\":[null]}",
                "{\"name\":\"x\",\"coveredUnits\":[{\"name\":\"甲\",\"unifiedSocialCreditCode\":42}]}",
                "{\"name\":\"\"}", "{}", "[]")) {
            mvc.perform(put(path).with(admin(HUBEI)).header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(update(union, "\"0\"", units("{\"name\":\"甲\",\"unifiedSocialCreditCode\":\"914203220000000015\"}")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("coveredUnits"));
        mvc.perform(update(union, "\"0\"", "{\"name\":\"x\",\"endsOn\":\"2030-01-01\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("endsOn"));
    }

    @Test
    void aMoveTakesTheWholeSubtreeAlongReScopesItAndIsAnnounced() throws Exception {
        mvc.perform(move(county, cityB).with(admin(HUBEI)).header("If-Match", "*"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parentId").value(cityB.id()))
                .andExpect(jsonPath("$.path").value(cityB.path() + "/" + county.code()))
                .andExpect(header().string("ETag", "\"1\""));

        String newBranchPath = cityB.path() + "/" + county.code() + "/G1/B1";
        mvc.perform(get(ORGS + "/" + branch.id()).with(orgUser(cityB.path().value(), "union-staff")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.path").value(newBranchPath))
                .andExpect(header().string("ETag", "\"1\""));
        mvc.perform(get(ORGS + "/" + branch.id()).with(orgUser(cityA.path().value(), "union-staff")))
                .andExpect(status().isNotFound());
        assertThat(mongo.findById(union.id(), Document.class, "orgs")).doesNotContainKey("rescope");
        assertThat(mongo.findById(county.id(), Document.class, "orgs")).doesNotContainKey("rescope");

        ConsumerRecord<String, String> moved = orgEvents(county.id(), 2).get(1);
        assertThat(ceHeader(moved, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.ORG_MOVED.type());
        assertThat(JsonPath.<String>read(moved.value(), "$.oldPath")).isEqualTo(county.path().value());
        assertThat(JsonPath.<String>read(moved.value(), "$.newParentId")).isEqualTo(cityB.id());

        // again: it is there already, nothing happens
        mvc.perform(move(county, cityB).with(admin(HUBEI))).andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""));
    }

    @Test
    void movesThatWouldBreakTheTreeOrLeaveTheCallersSubtreeAreRefused() throws Exception {
        mvc.perform(move(county, branch).with(admin(HUBEI))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("newParentId"));
        mvc.perform(move(county, county).with(admin(HUBEI))).andExpect(status().isBadRequest());
        mvc.perform(move(county, union).with(admin(HUBEI))).andExpect(status().isBadRequest());
        mvc.perform(move(cityA, cityB).with(admin(HUBEI))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].message").value(containsString("cannot be placed under")));
        // a city admin can move within the city but not out of it, nor take in what is not theirs
        mvc.perform(move(union, cityB).with(admin(cityA.path().value()))).andExpect(status().isNotFound());
        mvc.perform(move(union, cityA).with(admin(cityB.path().value()))).andExpect(status().isNotFound());
        mvc.perform(move(union, cityA).with(orgUser(cityA.path().value(), "union-staff"))).andExpect(status().isForbidden());
        mvc.perform(move(union, cityA).with(admin(cityA.path().value())).header("If-Match", "\"9\""))
                .andExpect(status().isPreconditionFailed());
        // the new parent has a unit with that code already
        OrgUnit namesake = registration.registerChildIfAbsent(cityA.path(), "G1", "同码工会", OrgType.GRASSROOTS_UNION);
        mvc.perform(move(union, cityA).with(admin(cityA.path().value()))).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(dissolve(namesake, LocalDate.now()).with(admin(HUBEI))).andExpect(status().isOk());
        mvc.perform(move(branch, namesake).with(admin(HUBEI))).andExpect(status().isConflict());
        mvc.perform(post(ORGS + "/" + union.id() + "/move").with(admin(HUBEI)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"newParentId\":\"\"}")).andExpect(status().isBadRequest());
    }

    @Test
    void dissolvingWaitsForUnitsAndMembersToLeaveAndKeepsTheUnitAsHistory() throws Exception {
        LocalDate today = LocalDate.now(OrgUnit.CHINA);
        mvc.perform(dissolve(union, today).with(admin(HUBEI))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("active unit")));
        mvc.perform(dissolve(branch, today.plusDays(2)).with(admin(HUBEI))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("effectiveOn"));
        mvc.perform(dissolve(branch, today).with(admin(branch.path().value()))).andExpect(status().isForbidden());
        mvc.perform(dissolve(branch, today).with(admin(HUBEI))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DISSOLVED"))
                .andExpect(jsonPath("$.dissolution.reasonCode").value("ENTERPRISE_CLOSED"));

        String memberId = "m-" + UUID.randomUUID();
        publish(EventTypes.MEMBER_ACTIVATED, memberId, new MemberActivated(memberId, union.id(), union.path().value(),
                JoinChannel.QR_CODE, null, List.of(), null, null, true, null, null, ActorKind.MEMBER, today, Instant.now()));
        awaitMemberCount(union, 1);
        mvc.perform(dissolve(union, today).with(admin(HUBEI))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("member")));
        publish(EventTypes.MEMBERSHIP_TERMINATED, memberId, new MembershipTerminated(memberId, union.id(),
                union.path().value(), "LEFT_EMPLOYMENT", today, Instant.now()));
        awaitMemberCount(union, 0);

        mvc.perform(dissolve(union, today.minusDays(1)).with(admin(HUBEI))).andExpect(status().isOk())
                .andExpect(jsonPath("$.dissolution.effectiveOn").value(today.minusDays(1).toString()));
        mvc.perform(dissolve(union, today).with(admin(HUBEI))).andExpect(status().isConflict());

        // history stays readable; lists leave it out unless asked; nothing new lands under it
        mvc.perform(get(ORGS + "/" + union.id()).with(orgUser(HUBEI, "union-staff"))).andExpect(status().isOk());
        assertThat(listedIds(ORGS + "?size=200&under=" + county.id())).containsExactly(county.id());
        assertThat(listedIds(ORGS + "?size=200&includeDissolved=true&under=" + county.id()))
                .containsExactly(county.id(), union.id(), branch.id());
        mvc.perform(post(ORGS).with(admin(HUBEI)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentId\":\"%s\",\"code\":\"B2\",\"name\":\"新分会\",\"orgType\":\"SUB_BRANCH\"}"
                                .formatted(union.id())))
                .andExpect(status().isConflict());
        mvc.perform(update(union, "\"1\"", "{\"name\":\"改名\"}")).andExpect(status().isConflict());

        ConsumerRecord<String, String> dissolved = orgEvents(union.id(), 2).get(1);
        assertThat(ceHeader(dissolved, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.ORG_DISSOLVED.type());
    }

    @Test
    void listsFilterByKindAndSubtree() throws Exception {
        registration.registerChildIfAbsent(cityA.path(), "E1", "甲市教育工会", OrgType.EDUCATION_UNION);
        assertThat(listedIds(ORGS + "?size=200&type=GRASSROOTS_UNION&type=SUB_BRANCH&under=" + cityA.id()))
                .containsExactly(union.id(), branch.id());
        mvc.perform(get(ORGS + "?type=NOPE").with(orgUser(HUBEI, "union-staff"))).andExpect(status().isBadRequest());
        mvc.perform(get(ORGS + "?type=&includeDissolved=").with(orgUser(HUBEI, "union-staff"))).andExpect(status().isOk());
        mvc.perform(get(ORGS + "?includeDissolved=perhaps").with(orgUser(HUBEI, "union-staff")))
                .andExpect(status().isBadRequest());
        mvc.perform(get(ORGS + "?under=" + cityB.id()).with(orgUser(cityA.path().value(), "union-staff")))
                .andExpect(status().isNotFound());
        String page = mvc.perform(get(ORGS + "?size=200&under=" + county.id()).with(orgUser(HUBEI, "union-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Integer>>read(page, "$.items[*].memberCount")).containsOnly(0);
        assertThat(JsonPath.<List<Object>>read(page, "$.items[*].coveredUnits")).isEmpty();
    }

    private void awaitMemberCount(OrgUnit unit, int count) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get(ORGS + "/" + unit.id()).with(orgUser(HUBEI, "union-staff")))
                        .andExpect(jsonPath("$.memberCount").value(count)));
    }

    private void publish(cn.smartunion.contracts.EventType type, String memberId, Object payload) {
        kafka.send(CloudEventCodec.toRecord(outboxEvents.create(type, memberId, union.path().value(), payload)));
        kafka.flush();
    }

    /** The first {@code count} events of the organisation, each validated against its schema. */
    private List<ConsumerRecord<String, String>> orgEvents(String orgId, int count) {
        try (Consumer<String, String> consumer = consumer(Topics.MEMBERSHIP_ORG)) {
            List<ConsumerRecord<String, String>> events = awaitRecords(consumer, r -> orgId.equals(r.key()), count);
            for (ConsumerRecord<String, String> event : events) {
                EventSchemaAssertions.assertConformsToSchema(ceHeader(event, CloudEventHeaders.TYPE), event.value());
            }
            return events;
        }
    }

    private List<String> listedIds(String uri) throws Exception {
        String page = mvc.perform(get(uri).with(orgUser(HUBEI, "union-staff"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(page, "$.items[*].id");
    }

    private MockHttpServletRequestBuilder update(OrgUnit unit, String ifMatch, String body) {
        return put(ORGS + "/" + unit.id()).with(admin(HUBEI)).header("If-Match", ifMatch)
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private MockHttpServletRequestBuilder move(OrgUnit unit, OrgUnit newParent) {
        return post(ORGS + "/" + unit.id() + "/move").contentType(MediaType.APPLICATION_JSON)
                .content("{\"newParentId\":\"" + newParent.id() + "\"}");
    }

    private MockHttpServletRequestBuilder dissolve(OrgUnit unit, LocalDate effectiveOn) {
        return post(ORGS + "/" + unit.id() + "/dissolve").contentType(MediaType.APPLICATION_JSON)
                .content("{\"reasonCode\":\"ENTERPRISE_CLOSED\",\"effectiveOn\":\"" + effectiveOn + "\"}");
    }

    private static String units(String... units) {
        return "{\"name\":\"联合工会\",\"coveredUnits\":[" + String.join(",", units) + "]}";
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor admin(String path) {
        return orgUser(path, "union-admin");
    }

    private static String divisionCode() {
        return String.valueOf(100_000 + RANDOM.nextInt(900_000));
    }
}
