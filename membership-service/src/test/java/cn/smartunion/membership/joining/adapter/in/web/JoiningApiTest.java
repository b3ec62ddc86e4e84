package cn.smartunion.membership.joining.adapter.in.web;

import cn.smartunion.contracts.CloudEventHeaders;
import cn.smartunion.contracts.EventSchemaAssertions;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.membership.JoinChannel;
import cn.smartunion.membership.joining.JoiningTestSupport;
import cn.smartunion.membership.joining.domain.JoinChannels;
import cn.smartunion.membership.member.TestIdentities;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static cn.smartunion.runtime.testing.TestJwts.orgUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The joining API end to end on the running service: applications by workers and by staff on their behalf, review
 * in scope, events on Kafka, storage. No test here applies to a Zhushan union, so Zhushan's queue stays empty.
 */
class JoiningApiTest extends JoiningTestSupport {

    private static final String MEMBERS = "/api/membership/v1/members";

    @Autowired MongoClient mongoClient;

    @Test
    void aWorkerAppliesToAYunxiUnionAndYunxiStaffApproveItIntoAnActiveMemberAnnouncedWithoutPersonalData()
            throws Exception {
        Jwt worker = worker();
        String name = "黄师傅";
        String idNumber = TestIdentities.citizenIdNumber();
        String phone = TestIdentities.mobilePhone();
        var submitted = apply(worker, """
                {"orgId":"%s","legalName":"%s","citizenIdNumber":"%s","mobilePhone":"%s",
                 "employment":{"employerName":"郧西某外卖站","employmentForm":"PLATFORM_FLEXIBLE","platforms":["MEITUAN"]},
                 "groupTags":["FOOD_DELIVERY_RIDER","NEW_FORM_WORKER"],"campaignId":"warm-new-2026"}"""
                .formatted(yunxi.id(), name, idNumber, phone))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith(MY_APPLICATIONS + "/")))
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.joinChannel").value("ONLINE_APPLICATION"))
                .andExpect(jsonPath("$.org.name").value("郧西县总工会"))
                .andExpect(jsonPath("$.legalName").value("黄*傅"))
                .andExpect(jsonPath("$.citizenIdNumber").value(idNumber.substring(0, 4) + "**********"
                        + idNumber.substring(14)))
                .andExpect(jsonPath("$.mobilePhone").value(phone.substring(0, 3) + "****" + phone.substring(7)))
                .andExpect(jsonPath("$.submittedBy.kind").value("MEMBER"))
                .andExpect(jsonPath("$.accountLinked").value(true));
        String submittedBody = body(submitted);
        assertThat(submittedBody).doesNotContain(idNumber).doesNotContain(phone).doesNotContain(name);
        String applicationId = JsonPath.read(submittedBody, "$.id");

        String queue = body(mvc.perform(get(APPLICATIONS + "?status=SUBMITTED&size=200").with(staff(YUNXI)))
                .andExpect(status().isOk()));
        assertThat(JsonPath.<List<String>>read(queue, "$.items[*].id")).contains(applicationId);
        assertThat(queue).doesNotContain(idNumber).doesNotContain(name);
        mvc.perform(get(APPLICATIONS + "/" + applicationId).with(staff(YUNXI))).andExpect(status().isOk())
                .andExpect(jsonPath("$.legalName").value("黄*傅"))
                .andExpect(jsonPath("$.submittedBy.subject").value(worker.getSubject()))
                .andExpect(content().string(not(containsString(idNumber))));

        Jwt approver = staffJwt(YUNXI);
        String approved = body(decide(applicationId, "approve", "{}", as(approver)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.approval.approvedBy.kind").value("STAFF"))
                .andExpect(jsonPath("$.approval.approvedBy.subject").value(approver.getSubject()))
                .andExpect(jsonPath("$.approval.effectiveOn").value(LocalDate.now(ZoneId.of("Asia/Shanghai"))
                        .toString())));
        String memberId = JsonPath.read(approved, "$.approval.memberId");
        assertThat(memberId).isNotBlank();

        mvc.perform(get(MEMBERS + "/" + memberId).with(staff(YUNXI))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.legalName").value(name))
                .andExpect(jsonPath("$.org.id").value(yunxi.id()))
                .andExpect(jsonPath("$.joinChannel").value("ONLINE_APPLICATION"))
                .andExpect(jsonPath("$.campaignId").value("warm-new-2026"))
                .andExpect(jsonPath("$.applicationId").value(applicationId))
                .andExpect(jsonPath("$.groupTags[0]").value("FOOD_DELIVERY_RIDER"))
                .andExpect(jsonPath("$.employment.employmentForm").value("PLATFORM_FLEXIBLE"))
                .andExpect(jsonPath("$.accountLinked").value(true))
                .andExpect(jsonPath("$.history[0].actorKind").value("STAFF"))
                .andExpect(jsonPath("$.history[0].actorSubject").value(approver.getSubject()));
        // the worker's own account now reads the member record and the decided application
        mvc.perform(get("/api/membership/v1/me").with(as(worker))).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(memberId)).andExpect(jsonPath("$.legalName").value("黄*傅"));
        mvc.perform(get(MY_APPLICATIONS).with(as(worker))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(applicationId))
                .andExpect(jsonPath("$.items[0].status").value("APPROVED"))
                .andExpect(jsonPath("$.items[0].memberId").value(memberId));
        mvc.perform(get(MY_APPLICATIONS + "/" + applicationId).with(as(worker))).andExpect(status().isOk())
                .andExpect(jsonPath("$.approval.approvedBy.kind").value("STAFF"))
                .andExpect(jsonPath("$.approval.approvedBy.subject").doesNotExist());
        // approving again changes nothing
        decide(applicationId, "approve", null, staff(YUNXI)).andExpect(status().isOk())
                .andExpect(jsonPath("$.approval.memberId").value(memberId));

        try (Consumer<String, String> consumer = applicationEvents()) {
            var records = awaitRecords(consumer, applicationId, found -> !found.isEmpty());
            assertThat(records).extracting(r -> ceHeader(r, CloudEventHeaders.TYPE))
                    .containsExactly(EventTypes.APPLICATION_SUBMITTED.type());
            ConsumerRecord<String, String> event = records.get(0);
            assertCloudEventWithoutPersonalData(event, applicationId, name, idNumber, phone);
            assertThat(JsonPath.<String>read(event.value(), "$.joinChannel")).isEqualTo("ONLINE_APPLICATION");
            assertThat(JsonPath.<String>read(event.value(), "$.actorKind")).isEqualTo("MEMBER");
            assertThat(JsonPath.<String>read(event.value(), "$.campaignId")).isEqualTo("warm-new-2026");
            assertThat(JsonPath.<List<String>>read(event.value(), "$.groupTags"))
                    .containsExactly("FOOD_DELIVERY_RIDER", "NEW_FORM_WORKER");
            assertThat(event.value()).doesNotContain(worker.getSubject()).doesNotContain("郧西某外卖站");
        }
        try (Consumer<String, String> consumer = memberEvents()) {
            var records = awaitRecords(consumer, memberId, found -> !found.isEmpty());
            ConsumerRecord<String, String> activated = records.get(0);
            assertThat(ceHeader(activated, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.MEMBER_ACTIVATED.type());
            assertCloudEventWithoutPersonalData(activated, memberId, name, idNumber, phone);
            assertThat(JsonPath.<String>read(activated.value(), "$.applicationId")).isEqualTo(applicationId);
            assertThat(JsonPath.<String>read(activated.value(), "$.joinChannel")).isEqualTo("ONLINE_APPLICATION");
            assertThat(JsonPath.<String>read(activated.value(), "$.campaignId")).isEqualTo("warm-new-2026");
            assertThat(JsonPath.<Boolean>read(activated.value(), "$.firstJoin")).isTrue();
        }
    }

    @Test
    void staffOfAnotherCountyNeitherSeeNorDecideTheApplicationWhileTheCityAndProvinceSeeIt() throws Exception {
        String applicationId = applied(worker(), yunxi.id(), "刘一", TestIdentities.citizenIdNumber(),
                TestIdentities.mobilePhone());
        RequestPostProcessor zhushanStaff = staff(ZHUSHAN);

        decide(applicationId, "approve", "{}", zhushanStaff).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        decide(applicationId, "reject", "{\"reasonCode\":\"NOT_ELIGIBLE\"}", zhushanStaff)
                .andExpect(status().isNotFound());
        mvc.perform(get(APPLICATIONS + "/" + applicationId).with(zhushanStaff)).andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString(yunxi.id()))));
        mvc.perform(get(APPLICATIONS + "/" + applicationId).with(orgUser(ZHUSHAN, "union-admin")))
                .andExpect(status().isNotFound());
        for (String query : List.of("", "?status=SUBMITTED", "?status=APPROVED")) {
            mvc.perform(get(APPLICATIONS + query).with(zhushanStaff)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.items").isEmpty()).andExpect(jsonPath("$.totalItems").value(0));
        }
        // a county cannot widen its list by naming its sibling or the city
        mvc.perform(get(APPLICATIONS + "?orgId=" + yunxi.id()).with(zhushanStaff)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("orgId"));
        mvc.perform(get(APPLICATIONS + "?orgId=" + shiyan.id()).with(zhushanStaff)).andExpect(status().isBadRequest());

        mvc.perform(get(APPLICATIONS + "/" + applicationId).with(staff(SHIYAN))).andExpect(status().isOk());
        assertThat(JsonPath.<List<String>>read(body(mvc.perform(get(APPLICATIONS + "?size=200&orgId=" + yunxi.id())
                .with(orgUser(HUBEI, "union-admin"))).andExpect(status().isOk())), "$.items[*].id"))
                .contains(applicationId);
        // the applicant's own list holds their application only; nobody else's account finds it
        mvc.perform(get(MY_APPLICATIONS + "/" + applicationId).with(as(worker()))).andExpect(status().isNotFound());

        // roles: a member token is not staff, staff tokens have no own applications, nobody is anonymous
        mvc.perform(get(APPLICATIONS).with(as(worker()))).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        decide(applicationId, "approve", "{}", as(worker())).andExpect(status().isForbidden());
        mvc.perform(get(MY_APPLICATIONS).with(staff(YUNXI))).andExpect(status().isForbidden());
        apply(staffJwt(YUNXI), application(yunxi.id(), "刘二", TestIdentities.citizenIdNumber(),
                TestIdentities.mobilePhone())).andExpect(status().isForbidden());
        mvc.perform(get(APPLICATIONS)).andExpect(status().isUnauthorized());
        mvc.perform(get(APPLICATIONS + "?size=201").with(staff(YUNXI))).andExpect(status().isBadRequest());
        mvc.perform(get(APPLICATIONS + "?status=PENDING").with(staff(YUNXI))).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aRejectionNamesAReasonCodeIsAnnouncedWithoutTheNoteAndLetsThePersonApplyAgain() throws Exception {
        Jwt worker = worker();
        String name = "陈小二";
        String idNumber = TestIdentities.citizenIdNumber();
        String phone = TestIdentities.mobilePhone();
        String applicationId = applied(worker, yunxi.id(), name, idNumber, phone);
        RequestPostProcessor staff = staff(YUNXI);

        decide(applicationId, "reject", "{\"reasonCode\":\"BORED\"}", staff).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("reasonCode"));
        decide(applicationId, "reject", "{\"reasonCode\":\"OTHER\"}", staff).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("note"));
        decide(applicationId, "reject", "{\"reasonCode\":\"WRONG_UNION\",\"note\":\"请向用人单位工会申请，陈小二\"}", staff)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.rejection.reasonCode").value("WRONG_UNION"))
                .andExpect(jsonPath("$.rejection.rejectedBy.kind").value("STAFF"));
        decide(applicationId, "reject", "{\"reasonCode\":\"NOT_ELIGIBLE\"}", staff).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:application-status-conflict"))
                .andExpect(jsonPath("$.status").value("REJECTED"));
        decide(applicationId, "approve", "{}", staff).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post(APPLICATIONS + "/" + applicationId + "/withdraw").with(as(worker)))
                .andExpect(status().isConflict());

        mvc.perform(get(MY_APPLICATIONS + "/" + applicationId).with(as(worker))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.rejection.reasonCode").value("WRONG_UNION"))
                .andExpect(jsonPath("$.rejection.note").value("请向用人单位工会申请，陈小二"))
                .andExpect(jsonPath("$.rejection.rejectedBy.subject").doesNotExist());
        mvc.perform(get(MY_APPLICATIONS).with(as(worker)))
                .andExpect(jsonPath("$.items[0].reasonCode").value("WRONG_UNION"));

        try (Consumer<String, String> consumer = applicationEvents()) {
            var records = awaitRecords(consumer, applicationId, found -> found.size() >= 2);
            assertThat(records).extracting(r -> ceHeader(r, CloudEventHeaders.TYPE)).containsExactly(
                    EventTypes.APPLICATION_SUBMITTED.type(), EventTypes.APPLICATION_REJECTED.type());
            ConsumerRecord<String, String> rejected = records.get(1);
            assertCloudEventWithoutPersonalData(rejected, applicationId, name, idNumber, phone);
            assertThat(JsonPath.<String>read(rejected.value(), "$.reasonCode")).isEqualTo("WRONG_UNION");
            assertThat(rejected.value()).doesNotContain("用人单位");
        }

        // a closed application does not block a new one
        applied(worker, yunxi.id(), name, idNumber, phone);
    }

    @Test
    void aPersonWhoIsAMemberAlreadyGetsTheMembersConflictWithoutLearningWhere() throws Exception {
        String idNumber = TestIdentities.citizenIdNumber();
        String memberId = id(mvc.perform(post(MEMBERS).with(staff(ZHUSHAN)).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"orgId":"%s","legalName":"何大","citizenIdNumber":"%s","joinChannel":"MOBILE_WINDOW"}"""
                        .formatted(zhushan.id(), idNumber))).andExpect(status().isCreated()));

        String problem = body(apply(worker(), application(yunxi.id(), "何大", idNumber, TestIdentities.mobilePhone()))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:already-a-member")));
        assertThat(problem).doesNotContain(memberId).doesNotContain(zhushan.id()).doesNotContain("420323")
                .doesNotContain("竹山").doesNotContain(idNumber).doesNotContain("何大");
        onBehalf(staff(YUNXI), """
                {"orgId":"%s","legalName":"何大","citizenIdNumber":"%s"}""".formatted(yunxi.id(), idNumber))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:already-a-member"));

        // an account linked to a member record is a member, whatever ID number it types
        Jwt member = worker();
        mvc.perform(post("/api/membership/v1/me/claim").with(as(member)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"citizenIdNumber\":\"%s\",\"legalName\":\"何大\"}".formatted(idNumber)))
                .andExpect(status().isOk());
        apply(member, application(yunxi.id(), "何小", TestIdentities.citizenIdNumber(), TestIdentities.mobilePhone()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:already-a-member"));
    }

    @Test
    void aPersonAndAnAccountHaveOneOpenApplicationAtATimeAndTheApplicantMayWithdrawIt() throws Exception {
        Jwt first = worker();
        String name = "郑一";
        String idNumber = TestIdentities.citizenIdNumber();
        String phone = TestIdentities.mobilePhone();
        String applicationId = applied(first, yunxi.id(), name, idNumber, phone);

        Jwt second = worker();
        String problem = body(apply(second, application(yunxi.id(), name, " " + idNumber.toLowerCase() + " ",
                TestIdentities.mobilePhone()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:application-already-open")));
        assertThat(problem).doesNotContain(applicationId).doesNotContain(idNumber).doesNotContain(yunxi.id());
        apply(first, application(yunxi.id(), "郑二", TestIdentities.citizenIdNumber(), TestIdentities.mobilePhone()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:application-already-open"));
        onBehalf(staff(YUNXI), """
                {"orgId":"%s","legalName":"%s","citizenIdNumber":"%s"}""".formatted(yunxi.id(), name, idNumber))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:application-already-open"));

        mvc.perform(post(APPLICATIONS + "/" + applicationId + "/withdraw").with(as(second)))
                .andExpect(status().isNotFound());
        mvc.perform(post(APPLICATIONS + "/" + applicationId + "/withdraw").with(staff(YUNXI)))
                .andExpect(status().isForbidden());
        mvc.perform(post(APPLICATIONS + "/" + applicationId + "/withdraw").with(as(first)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WITHDRAWN"))
                .andExpect(jsonPath("$.withdrawnAt").exists());
        mvc.perform(post(APPLICATIONS + "/" + applicationId + "/withdraw").with(as(first)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:application-status-conflict"))
                .andExpect(jsonPath("$.status").value("WITHDRAWN"));
        decide(applicationId, "approve", "{}", staff(YUNXI)).andExpect(status().isConflict());

        String again = applied(second, yunxi.id(), name, idNumber, TestIdentities.mobilePhone());
        assertThat(again).isNotEqualTo(applicationId);
        try (Consumer<String, String> consumer = applicationEvents()) {
            var records = awaitRecords(consumer, applicationId, found -> found.size() >= 2);
            assertThat(records).extracting(r -> ceHeader(r, CloudEventHeaders.TYPE)).containsExactly(
                    EventTypes.APPLICATION_SUBMITTED.type(), EventTypes.APPLICATION_WITHDRAWN.type());
            assertCloudEventWithoutPersonalData(records.get(1), applicationId, name, idNumber, phone);
            assertThat(JsonPath.<String>read(records.get(1).value(), "$.actorKind")).isEqualTo("MEMBER");
        }
    }

    @Test
    void aRetriedApplicationWithTheSameIdempotencyKeyGetsTheFirstAnswerNotAConflict() throws Exception {
        Jwt worker = worker();
        String json = application(yunxi.id(), "钟师傅", TestIdentities.citizenIdNumber(), TestIdentities.mobilePhone());
        String first = id(mvc.perform(post(APPLICATIONS).with(as(worker)).header("Idempotency-Key", "apply-0001-retry")
                .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isCreated()));
        mvc.perform(post(APPLICATIONS).with(as(worker)).header("Idempotency-Key", "apply-0001-retry")
                        .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.id").value(first));
        apply(worker, json).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:application-already-open"));
    }

    @Test
    void storedApplicationsHoldNoPlaintextNameIdNumberOrPhone() throws Exception {
        String name = "欧阳修文";
        String idNumber = TestIdentities.citizenIdNumber();
        String phone = TestIdentities.mobilePhone();
        Jwt worker = worker();
        String applicationId = applied(worker, yunxi.id(), name, idNumber, phone);

        String everyByte = rawDocument(applicationId);
        assertThat(everyByte).doesNotContain(idNumber).doesNotContain(idNumber.toLowerCase())
                .doesNotContain(idNumber.substring(4, 14)).doesNotContain(phone).doesNotContain(phone.substring(3, 7))
                .doesNotContain(name).doesNotContain("阳修");
        RawBsonDocument raw = raw(applicationId);
        assertThat(raw.toJson()).contains("欧**文").contains(phone.substring(0, 3) + "****")
                .contains("\"orgPath\": \"" + YUNXI + "\"").contains("openPersonKey").contains("openAccountSubject");

        mvc.perform(post(APPLICATIONS + "/" + applicationId + "/withdraw").with(as(worker))).andExpect(status().isOk());
        assertThat(raw(applicationId).toJson()).doesNotContain("openPersonKey").doesNotContain("openAccountSubject")
                .contains("\"status\": \"WITHDRAWN\"");
    }

    @Test
    void everyJoinChannelIsAcceptedWhereItMakesSenseAndRefusedNamingJoinChannelWhereItDoesNot() throws Exception {
        Set<JoinChannel> acceptedSomewhere = EnumSet.noneOf(JoinChannel.class);
        for (JoinChannel channel : JoinChannel.values()) {
            String person = """
                    "legalName":"周渠道","citizenIdNumber":"%s","mobilePhone":"%s","joinChannel":"%s",
                    "campaignId":"channel-2026\"""".formatted(TestIdentities.citizenIdNumber(),
                    TestIdentities.mobilePhone(), channel);
            var own = apply(worker(), "{\"orgId\":\"%s\",%s}".formatted(yunxi.id(), person));
            if (JoinChannels.SELF_SERVICE.contains(channel) && channel != JoinChannel.QR_CODE) {
                own.andExpect(status().isCreated()).andExpect(jsonPath("$.joinChannel").value(channel.name()));
                acceptedSomewhere.add(channel);
            } else {
                // QR_CODE is accepted with a join code only (see the QR test)
                own.andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("joinChannel"));
            }
            person = person.replaceFirst("\"citizenIdNumber\":\"[^\"]+\"",
                    "\"citizenIdNumber\":\"" + TestIdentities.citizenIdNumber() + "\"");
            var entered = onBehalf(staff(YUNXI), "{\"orgId\":\"%s\",%s}".formatted(yunxi.id(), person));
            if (JoinChannels.ON_BEHALF.contains(channel)) {
                entered.andExpect(status().isCreated()).andExpect(jsonPath("$.joinChannel").value(channel.name()))
                        .andExpect(jsonPath("$.submittedBy.kind").value("STAFF"));
                acceptedSomewhere.add(channel);
            } else {
                entered.andExpect(status().isBadRequest())
                        .andExpect(jsonPath("$.violations[0].field").value("joinChannel"));
            }
        }
        acceptedSomewhere.add(JoinChannel.QR_CODE);
        assertThat(EnumSet.complementOf(EnumSet.copyOf(acceptedSomewhere)))
                .containsExactly(JoinChannel.COLLECTIVE_REGISTRATION);
        onBehalf(staff(YUNXI), """
                {"orgId":"%s","legalName":"周集体","citizenIdNumber":"%s","joinChannel":"COLLECTIVE_REGISTRATION"}"""
                .formatted(yunxi.id(), TestIdentities.citizenIdNumber()))
                .andExpect(jsonPath("$.violations[0].message").value(containsString("collective enrolment")));
        apply(worker(), """
                {"orgId":"%s","legalName":"周项目","citizenIdNumber":"%s","mobilePhone":"%s","joinChannel":"PROJECT_BASED"}"""
                .formatted(yunxi.id(), TestIdentities.citizenIdNumber(), TestIdentities.mobilePhone()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("campaignId"));
    }

    @Test
    void staffEnterAnApplicationForAWorkerAndMayApproveItThemselvesBothBeingRecorded() throws Exception {
        Jwt windowStaff = staffJwt(YUNXI);
        String name = "马师傅";
        String idNumber = TestIdentities.citizenIdNumber();
        LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
        String entered = body(onBehalf(as(windowStaff), """
                {"orgId":"%s","legalName":"%s","citizenIdNumber":"%s","groupTags":["TRUCK_DRIVER"],
                 "joinChannel":"MOBILE_WINDOW","campaignId":"window-2026","approveNow":true,"effectiveOn":"%s"}"""
                .formatted(yunxi.id(), name, idNumber, yesterday))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith(APPLICATIONS + "/")))
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.joinChannel").value("MOBILE_WINDOW"))
                .andExpect(jsonPath("$.submittedBy.kind").value("STAFF"))
                .andExpect(jsonPath("$.submittedBy.subject").value(windowStaff.getSubject()))
                .andExpect(jsonPath("$.approval.approvedBy.subject").value(windowStaff.getSubject()))
                .andExpect(jsonPath("$.approval.effectiveOn").value(yesterday.toString()))
                .andExpect(jsonPath("$.accountLinked").value(false))
                .andExpect(jsonPath("$.mobilePhone").doesNotExist()));
        String applicationId = JsonPath.read(entered, "$.id");
        String memberId = JsonPath.read(entered, "$.approval.memberId");
        mvc.perform(get(MEMBERS + "/" + memberId).with(staff(YUNXI))).andExpect(status().isOk())
                .andExpect(jsonPath("$.joinChannel").value("MOBILE_WINDOW"))
                .andExpect(jsonPath("$.applicationId").value(applicationId))
                .andExpect(jsonPath("$.joinedOn").value(yesterday.toString()))
                .andExpect(jsonPath("$.accountLinked").value(false))
                .andExpect(jsonPath("$.history[0].actorSubject").value(windowStaff.getSubject()));
        try (Consumer<String, String> consumer = applicationEvents()) {
            var submitted = awaitRecords(consumer, applicationId, found -> !found.isEmpty()).get(0);
            EventSchemaAssertions.assertConformsToSchema(ceHeader(submitted, CloudEventHeaders.TYPE), submitted.value());
            assertThat(JsonPath.<String>read(submitted.value(), "$.actorKind")).isEqualTo("STAFF");
        }
        // the worker later claims the record in the app
        Jwt worker = worker();
        mvc.perform(post("/api/membership/v1/me/claim").with(as(worker)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"citizenIdNumber\":\"%s\",\"legalName\":\"%s\"}".formatted(idNumber, name)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(memberId));

        // the city's service station takes an application for a Yunxi union; Yunxi staff decide it
        String cityEntered = id(onBehalf(staff(SHIYAN), """
                {"orgId":"%s","legalName":"牛师傅","citizenIdNumber":"%s","joinChannel":"SERVICE_FIRST"}"""
                .formatted(yunxi.id(), TestIdentities.citizenIdNumber()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("SUBMITTED")));
        decide(cityEntered, "approve", "{}", staff(YUNXI)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));

        // staff outside the receiving union's subtree may enter it, not approve it, and cannot read it back
        String idElsewhere = TestIdentities.citizenIdNumber();
        onBehalf(staff(ZHUSHAN), """
                {"orgId":"%s","legalName":"杨师傅","citizenIdNumber":"%s","approveNow":true}"""
                .formatted(yunxi.id(), idElsewhere))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("approveNow"));
        String fromZhushan = id(onBehalf(staff(ZHUSHAN), """
                {"orgId":"%s","legalName":"杨师傅","citizenIdNumber":"%s"}""".formatted(yunxi.id(), idElsewhere))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.org.id").value(yunxi.id())));
        mvc.perform(get(APPLICATIONS + "/" + fromZhushan).with(staff(ZHUSHAN))).andExpect(status().isNotFound());
        mvc.perform(get(APPLICATIONS + "/" + fromZhushan).with(staff(YUNXI))).andExpect(status().isOk());

        // an approval that could not succeed is refused before anything is stored
        String notBorn = TestIdentities.citizenIdNumber();
        onBehalf(staff(YUNXI), """
                {"orgId":"%s","legalName":"吕师傅","citizenIdNumber":"%s","approveNow":true,"effectiveOn":"1950-01-01"}"""
                .formatted(yunxi.id(), notBorn))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("effectiveOn"));
        onBehalf(staff(YUNXI), """
                {"orgId":"%s","legalName":"吕师傅","citizenIdNumber":"%s","approveNow":true}"""
                .formatted(yunxi.id(), notBorn))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("APPROVED"));

        onBehalf(as(worker()), """
                {"orgId":"%s","legalName":"杨师傅","citizenIdNumber":"%s"}"""
                .formatted(yunxi.id(), TestIdentities.citizenIdNumber())).andExpect(status().isForbidden());
    }

    @Test
    void invalidInputIsA400NamingTheFieldAndNeverEchoesPersonalData() throws Exception {
        Jwt worker = worker();
        String wrongCheck = TestIdentities.withWrongCheckDigit(TestIdentities.citizenIdNumber());
        String problem = body(apply(worker, application(yunxi.id(), "张三", wrongCheck, TestIdentities.mobilePhone()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.violations[0].field").value("citizenIdNumber")));
        assertThat(problem).doesNotContain(wrongCheck).doesNotContain(wrongCheck.substring(6, 14));

        String id = TestIdentities.citizenIdNumber();
        apply(worker, """
                {"orgId":"%s","legalName":"张三","citizenIdNumber":"%s"}""".formatted(yunxi.id(), id))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("mobilePhone"));
        apply(worker, application(yunxi.id(), "张三", id, "12345"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("mobilePhone"))
                .andExpect(content().string(not(containsString("12345"))));
        apply(worker, """
                {"orgId":"%s","legalName":"张三","citizenIdNumber":"%s","mobilePhone":"%s","groupTags":["ASTRONAUT"]}"""
                .formatted(yunxi.id(), id, TestIdentities.mobilePhone()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("groupTags"));
        apply(worker, """
                {"legalName":"张三","citizenIdNumber":"%s","mobilePhone":"%s"}""".formatted(id, TestIdentities.mobilePhone()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("orgId"));
        apply(worker, application("no-such-org", "张三", id, TestIdentities.mobilePhone()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("orgId"));
        apply(worker, """
                {"orgId":"%s","legalName":"张三","citizenIdNumber":"%s","mobilePhone":"%s",
                 "employment":{"employerCreditCode":"%s","employmentForm":"LABOUR_CONTRACT"}}"""
                .formatted(yunxi.id(), id, TestIdentities.mobilePhone(),
                        TestIdentities.withWrongCheckDigit(TestIdentities.creditCode())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("employment.employerCreditCode"));
        apply(worker, """
                {"orgId":"%s","legalName":"张三","citizenIdNumber":"%s","mobilePhone":"%s","joinChannel":"CARRIER_PIGEON"}"""
                .formatted(yunxi.id(), id, TestIdentities.mobilePhone()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("joinChannel"));
        for (String malformed : List.of("{", "[]", "{\"orgId\":[1]}", "{\"unknown\":1}")) {
            apply(worker, malformed).andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }

        String applicationId = applied(worker, yunxi.id(), "张三", id, TestIdentities.mobilePhone());
        decide(applicationId, "approve", "{\"effectiveOn\":\"2999-01-01\"}", staff(YUNXI))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("effectiveOn"));
        // before the birth date: refused by the member rules, and the application waits for a decision again
        decide(applicationId, "approve", "{\"effectiveOn\":\"1950-01-01\"}", staff(YUNXI))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("effectiveOn"));
        mvc.perform(get(APPLICATIONS + "/" + applicationId).with(staff(YUNXI)))
                .andExpect(jsonPath("$.status").value("SUBMITTED")).andExpect(jsonPath("$.approval").doesNotExist());
        decide(applicationId, "reject", "{\"reasonCode\":\"NOT_ELIGIBLE\",\"note\":\"%s\"}".formatted("长".repeat(501)),
                staff(YUNXI)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("note"));
    }

    @Test
    void theOpenApiDescriptionListsTheJoiningEndpoints() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/membership/v1/applications/{id}/approve")))
                .andExpect(content().string(containsString("/api/membership/v1/applications/on-behalf")))
                .andExpect(content().string(containsString("/api/membership/v1/me/applications")))
                .andExpect(content().string(containsString("/api/membership/v1/orgs/{orgId}/join-codes")))
                .andExpect(content().string(containsString("/api/membership/v1/join-codes/{token}")));
    }

    private String rawDocument(String applicationId) {
        RawBsonDocument raw = raw(applicationId);
        byte[] bytes = new byte[raw.getByteBuffer().remaining()];
        raw.getByteBuffer().get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private RawBsonDocument raw(String applicationId) {
        RawBsonDocument raw = mongoClient.getDatabase(DATABASE).getCollection("applications", RawBsonDocument.class)
                .find(Filters.eq("_id", applicationId)).first();
        assertThat(raw).isNotNull();
        return raw;
    }

    private static void assertCloudEventWithoutPersonalData(ConsumerRecord<String, String> record, String subject,
                                                           String name, String idNumber, String phone) {
        String type = ceHeader(record, CloudEventHeaders.TYPE);
        EventSchemaAssertions.assertConformsToSchema(type, record.value());
        assertThat(ceHeader(record, CloudEventHeaders.SUBJECT)).isEqualTo(subject);
        assertThat(ceHeader(record, CloudEventHeaders.SOURCE)).isEqualTo("/membership-service");
        assertThat(ceHeader(record, CloudEventHeaders.ORG_PATH)).isEqualTo(YUNXI);
        StringBuilder everything = new StringBuilder(record.value());
        record.headers().forEach(h -> everything.append(new String(h.value(), StandardCharsets.UTF_8)));
        assertThat(everything.toString()).doesNotContain(name).doesNotContain(idNumber)
                .doesNotContain(idNumber.substring(0, 17)).doesNotContain(phone).doesNotContain(phone.substring(3));
    }
}
