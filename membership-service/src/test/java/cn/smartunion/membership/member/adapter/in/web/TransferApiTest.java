package cn.smartunion.membership.member.adapter.in.web;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.smartunion.contracts.CloudEventHeaders;
import cn.smartunion.contracts.EventSchemaAssertions;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.membership.member.MemberServiceTestSupport;
import cn.smartunion.membership.member.TestIdentities;
import cn.smartunion.membership.member.application.MemberTransfers;
import cn.smartunion.membership.member.domain.Member;
import cn.smartunion.membership.org.application.MoveOrg;
import cn.smartunion.membership.org.application.OrgRestructuring;
import cn.smartunion.membership.org.domain.OrgPath;
import cn.smartunion.membership.org.domain.OrgType;
import cn.smartunion.membership.org.domain.OrgUnit;
import cn.smartunion.runtime.scope.OrgPrincipal;
import cn.smartunion.runtime.testing.TestJwts;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.smartunion.runtime.testing.TestJwts.orgUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Transfers (转会/接转) through the HTTP API with real Kafka and the MongoDB wire server: a Yunxi member (Shiyan,
 * Hubei) moves to a union in Suizhou, another city of the province, and to Chengdu in another province's tree.
 */
class TransferApiTest extends MemberServiceTestSupport {

    private static final String MEMBERS = "/api/membership/v1/members";
    private static final String TRANSFERS = "/api/membership/v1/transfers";
    private static final String SUIZHOU = "420000/421300";
    private static final String ZENGDU = "420000/421300/421303";
    private static final String SICHUAN = "510000";
    private static final String CHENGDU = "510000/510100";

    @Autowired MockMvc mvc;
    @Autowired MemberTransfers memberTransfers;
    @Autowired OrgRestructuring restructuring;
    @Autowired MongoTemplate mongo;

    private OrgUnit zengdu;
    private OrgUnit chengdu;
    private final ListAppender<ILoggingEvent> auditLines = new ListAppender<>();

    @BeforeEach
    void suizhouAndSichuan() {
        // the demo tree gets Suizhou in another branch; registered here so this test does not depend on it
        orgRegistration.registerChildIfAbsent(new OrgPath(HUBEI), "421300", "随州市总工会", OrgType.CITY_FEDERATION);
        zengdu = orgRegistration.registerChildIfAbsent(new OrgPath(SUIZHOU), "421303", "曾都区总工会",
                OrgType.COUNTY_FEDERATION);
        orgRegistration.registerRootIfAbsent(SICHUAN, "四川省总工会", OrgType.PROVINCIAL_FEDERATION);
        chengdu = orgRegistration.registerChildIfAbsent(new OrgPath(SICHUAN), "510100", "成都市总工会",
                OrgType.CITY_FEDERATION);
        auditLines.start();
        auditLogger().addAppender(auditLines);
    }

    @AfterEach
    void stopCapturingAudit() {
        auditLogger().detachAppender(auditLines);
    }

    @Test
    void yunxiRequestsSuizhouSeesOnlyAMaskedViewUntilItAcceptsAndThenOwnsTheMember() throws Exception {
        String name = "欧阳春华";
        String idNumber = TestIdentities.citizenIdNumber();
        String phone = TestIdentities.mobilePhone();
        String memberId = registered(name, idNumber, phone);
        RequestPostProcessor yunxiStaff = orgUser(YUNXI, "union-staff");
        RequestPostProcessor suizhouStaff = orgUser(SUIZHOU, "union-staff");
        RequestPostProcessor zhushanAdmin = orgUser(ZHUSHAN, "union-admin");

        // Yunxi staff request the transfer to Zengdu (Suizhou)
        String requested = body(requestTransfer(memberId, zengdu.id(), "RELOCATED_FOR_WORK", yunxiStaff)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith(TRANSFERS + "/")))
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.memberId").value(memberId))
                .andExpect(jsonPath("$.fromOrg.name").value("郧西县总工会"))
                .andExpect(jsonPath("$.toOrg.path").value(ZENGDU))
                .andExpect(jsonPath("$.toOrg.name").value("曾都区总工会"))
                .andExpect(jsonPath("$.crossProvince").value(false))
                .andExpect(jsonPath("$.requestedBy").value("STAFF"))
                .andExpect(jsonPath("$.reasonCode").value("RELOCATED_FOR_WORK")));
        String transferId = JsonPath.read(requested, "$.transferId");
        mvc.perform(get(MEMBERS + "/" + memberId).with(yunxiStaff))
                .andExpect(jsonPath("$.status").value("TRANSFER_PENDING"));

        // Suizhou sees the incoming transfer, masked, through the grant; never the member record
        String incoming = body(mvc.perform(get(TRANSFERS + "?direction=incoming&size=200").with(suizhouStaff))
                .andExpect(status().isOk()));
        assertThat(JsonPath.<List<String>>read(incoming, "$.items[*].transferId")).contains(transferId);
        String row = "$.items[?(@.transferId=='" + transferId + "')]";
        assertThat(JsonPath.<List<String>>read(incoming, row + ".person.legalName")).containsExactly("欧**华");
        assertThat(JsonPath.<List<String>>read(incoming, row + ".person.citizenIdNumber"))
                .containsExactly(idNumber.substring(0, 4) + "**********" + idNumber.substring(14));
        assertThat(JsonPath.<List<String>>read(incoming, row + ".fromOrg.name")).containsExactly("郧西县总工会");
        assertThat(JsonPath.<List<String>>read(incoming, row + ".reasonCode")).containsExactly("RELOCATED_FOR_WORK");
        assertThat(JsonPath.<List<String>>read(incoming, row + ".expiresAt")).hasSize(1);
        assertThat(incoming).doesNotContain(memberId).doesNotContain(name).doesNotContain(idNumber)
                .doesNotContain(phone).doesNotContain(phone.substring(7)).doesNotContain("birthDate")
                .doesNotContain("gender").doesNotContain("history").doesNotContain("mobilePhone");
        String granted = body(mvc.perform(get(TRANSFERS + "/" + transferId).with(suizhouStaff))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.person.legalName").value("欧**华"))
                .andExpect(jsonPath("$.memberId").doesNotExist()));
        assertThat(granted).doesNotContain(name).doesNotContain(idNumber).doesNotContain(memberId);
        mvc.perform(get(MEMBERS + "/" + memberId).with(suizhouStaff)).andExpect(status().isNotFound());
        assertThat(listedIds(MEMBERS + "?size=200", suizhouStaff, "$.items[*].id")).doesNotContain(memberId);

        // every read through the grant is audited with ids and paths only
        List<String> audit = auditLines.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(line -> line.contains("basis=GRANT")).toList();
        assertThat(audit).anySatisfy(line -> assertThat(line).contains("member transfers read")
                .contains(transferId).contains("actorOrgPath=" + SUIZHOU));
        assertThat(audit).anySatisfy(line -> assertThat(line).contains("member transfer read")
                .contains("transferId=" + transferId));
        assertThat(String.join("\n", audit)).doesNotContain(name).doesNotContain("欧**华")
                .doesNotContain(idNumber).doesNotContain(idNumber.substring(14)).doesNotContain(phone);

        // the origin lists it as outgoing, not incoming; a sibling county never sees it
        assertThat(listedIds(TRANSFERS + "?direction=outgoing&size=200", yunxiStaff, "$.items[*].transferId"))
                .contains(transferId);
        assertThat(listedIds(TRANSFERS + "?direction=incoming&size=200", yunxiStaff, "$.items[*].transferId"))
                .doesNotContain(transferId);
        assertZhushanNeverSees(transferId, zhushanAdmin);
        decide(transferId, "accept", "{}", zhushanAdmin).andExpect(status().isNotFound());
        // the origin cannot decide for the destination
        decide(transferId, "accept", "{}", yunxiStaff).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        // Suizhou accepts: the member is theirs now, and no longer Yunxi's
        LocalDate today = LocalDate.now(Member.CHINA);
        decide(transferId, "accept", "{\"effectiveOn\":\"" + today + "\"}", suizhouStaff)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.memberId").value(memberId))
                .andExpect(jsonPath("$.effectiveOn").value(today.toString()));
        String record = body(mvc.perform(get(MEMBERS + "/" + memberId).with(suizhouStaff))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.legalName").value(name))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.org.path").value(ZENGDU))
                .andExpect(jsonPath("$.org.name").value("曾都区总工会")));
        assertThat(JsonPath.<List<String>>read(record, "$.history[*].orgPath")).containsExactly(YUNXI, YUNXI, ZENGDU);
        assertThat(JsonPath.<List<String>>read(record, "$.history[*].to"))
                .containsExactly("ACTIVE", "TRANSFER_PENDING", "ACTIVE");
        assertThat(JsonPath.<List<String>>read(record, "$.history[1:].transferId"))
                .containsExactly(transferId, transferId);
        mvc.perform(get(MEMBERS + "/" + memberId).with(yunxiStaff)).andExpect(status().isNotFound());
        assertThat(listedIds(MEMBERS + "?size=200", yunxiStaff, "$.items[*].id")).doesNotContain(memberId);
        assertZhushanNeverSees(transferId, zhushanAdmin);

        // both sides keep the record of the transfer; a second decision is a conflict
        mvc.perform(get(TRANSFERS + "/" + transferId).with(yunxiStaff)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED")).andExpect(jsonPath("$.memberId").doesNotExist());
        assertThat(listedIds(TRANSFERS + "?direction=outgoing&status=ACCEPTED&size=200", yunxiStaff,
                "$.items[*].transferId")).contains(transferId);
        assertThat(listedIds(TRANSFERS + "?direction=incoming&status=ACCEPTED&size=200", suizhouStaff,
                "$.items[*].transferId")).contains(transferId);
        assertThat(listedIds(TRANSFERS + "?direction=incoming&size=200", suizhouStaff, "$.items[*].transferId"))
                .doesNotContain(transferId);
        decide(transferId, "decline", "{\"reasonCode\":\"OTHER\"}", suizhouStaff)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:transfer-closed"))
                .andExpect(jsonPath("$.transferStatus").value("ACCEPTED"));

        // the events, in order, as CloudEvents that match their schemas and carry no personal data
        List<String> expected = List.of(EventTypes.MEMBER_ACTIVATED.type(),
                EventTypes.MEMBER_TRANSFER_REQUESTED.type(), EventTypes.MEMBER_TRANSFERRED.type());
        try (Consumer<String, String> consumer = memberEvents()) {
            List<ConsumerRecord<String, String>> records = awaitRecords(consumer, memberId,
                    found -> found.size() >= expected.size());
            assertThat(records).extracting(r -> ceHeader(r, CloudEventHeaders.TYPE)).containsExactlyElementsOf(expected);
            assertConformingAndAnonymous(records, memberId, name, idNumber, phone);
            String request = records.get(1).value();
            assertThat(JsonPath.<String>read(request, "$.transferId")).isEqualTo(transferId);
            assertThat(JsonPath.<String>read(request, "$.fromOrgId")).isEqualTo(yunxi.id());
            assertThat(JsonPath.<String>read(request, "$.fromOrgPath")).isEqualTo(YUNXI);
            assertThat(JsonPath.<String>read(request, "$.toOrgId")).isEqualTo(zengdu.id());
            assertThat(JsonPath.<String>read(request, "$.toOrgPath")).isEqualTo(ZENGDU);
            assertThat(JsonPath.<Boolean>read(request, "$.crossProvince")).isFalse();
            assertThat(JsonPath.<String>read(request, "$.requestedBy")).isEqualTo("STAFF");
            assertThat(JsonPath.<String>read(request, "$.reasonCode")).isEqualTo("RELOCATED_FOR_WORK");
            assertThat(ceHeader(records.get(1), CloudEventHeaders.ORG_PATH)).isEqualTo(YUNXI);
            String transferred = records.get(2).value();
            assertThat(JsonPath.<String>read(transferred, "$.transferId")).isEqualTo(transferId);
            assertThat(JsonPath.<String>read(transferred, "$.fromOrgPath")).isEqualTo(YUNXI);
            assertThat(JsonPath.<String>read(transferred, "$.toOrgPath")).isEqualTo(ZENGDU);
            assertThat(JsonPath.<String>read(transferred, "$.effectiveOn")).isEqualTo(today.toString());
            assertThat(JsonPath.<String>read(transferred, "$.reasonCode")).isEqualTo("RELOCATED_FOR_WORK");
            assertThat(ceHeader(records.get(2), CloudEventHeaders.ORG_PATH)).isEqualTo(ZENGDU);
        }
    }

    @Test
    void aDeclinedTransferLeavesTheMemberInYunxiAndEndsSuizhousView() throws Exception {
        String name = "孟冬梅";
        String idNumber = TestIdentities.citizenIdNumber();
        String memberId = registered(name, idNumber, null);
        RequestPostProcessor yunxiStaff = orgUser(YUNXI, "union-staff");
        RequestPostProcessor suizhouStaff = orgUser(SUIZHOU, "union-staff");
        String transferId = requested(memberId, zengdu.id(), yunxiStaff);

        decide(transferId, "decline", "{\"reasonCode\":\"GONE_FISHING\"}", suizhouStaff)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("reasonCode"));
        decide(transferId, "decline", "{}", suizhouStaff)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("reasonCode"));
        decide(transferId, "decline", "{\"reasonCode\":\"NOT_COVERED_BY_DESTINATION\"}", suizhouStaff)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DECLINED"))
                .andExpect(jsonPath("$.declineReasonCode").value("NOT_COVERED_BY_DESTINATION"))
                .andExpect(jsonPath("$.memberId").doesNotExist());

        // the grant ended with the transfer
        mvc.perform(get(TRANSFERS + "/" + transferId).with(suizhouStaff)).andExpect(status().isNotFound());
        for (String status : List.of("PENDING", "DECLINED")) {
            assertThat(listedIds(TRANSFERS + "?direction=incoming&size=200&status=" + status, suizhouStaff,
                    "$.items[*].transferId")).doesNotContain(transferId);
        }
        decide(transferId, "accept", "{}", suizhouStaff).andExpect(status().isConflict())
                .andExpect(jsonPath("$.transferStatus").value("DECLINED"));
        // the member is active in Yunxi, and the origin sees why the transfer failed
        mvc.perform(get(MEMBERS + "/" + memberId).with(yunxiStaff)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.org.path").value(YUNXI))
                .andExpect(jsonPath("$.history[2].reasonCode").value("NOT_COVERED_BY_DESTINATION"));
        assertThat(listedIds(TRANSFERS + "?direction=outgoing&status=DECLINED&size=200", yunxiStaff,
                "$.items[*].transferId")).contains(transferId);
        mvc.perform(get(TRANSFERS + "/" + transferId).with(yunxiStaff)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DECLINED")).andExpect(jsonPath("$.memberId").value(memberId));

        try (Consumer<String, String> consumer = memberEvents()) {
            List<ConsumerRecord<String, String>> records = awaitRecords(consumer, memberId, found -> found.size() >= 3);
            assertThat(records).extracting(r -> ceHeader(r, CloudEventHeaders.TYPE)).containsExactly(
                    EventTypes.MEMBER_ACTIVATED.type(), EventTypes.MEMBER_TRANSFER_REQUESTED.type(),
                    EventTypes.MEMBER_TRANSFER_CLOSED.type());
            assertConformingAndAnonymous(records, memberId, name, idNumber, null);
            String closed = records.get(2).value();
            assertThat(JsonPath.<String>read(closed, "$.outcome")).isEqualTo("DECLINED");
            assertThat(JsonPath.<String>read(closed, "$.reasonCode")).isEqualTo("NOT_COVERED_BY_DESTINATION");
            assertThat(JsonPath.<String>read(closed, "$.toOrgId")).isEqualTo(zengdu.id());
        }
    }

    @Test
    void aMemberAsksForTheirOwnTransferToAnotherProvinceAndWithdrawsIt() throws Exception {
        String idNumber = TestIdentities.citizenIdNumber();
        String memberId = registered("马晓东", idNumber, null);
        RequestPostProcessor member = TestJwts.authenticated(TestJwts.orgUserJwt(YUNXI, "member"));
        mvc.perform(post("/api/membership/v1/me/claim").with(member).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"citizenIdNumber\":\"%s\",\"legalName\":\"马晓东\"}".formatted(idNumber)))
                .andExpect(status().isOk());

        String created = body(mvc.perform(post("/api/membership/v1/me/transfers").with(member)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"toOrgId\":\"%s\",\"reasonCode\":\"RELOCATED_FOR_WORK\"}".formatted(chengdu.id())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.requestedBy").value("MEMBER"))
                .andExpect(jsonPath("$.crossProvince").value(true))
                .andExpect(jsonPath("$.toOrg.name").value("成都市总工会")));
        String transferId = JsonPath.read(created, "$.transferId");
        mvc.perform(get("/api/membership/v1/me/transfers").with(member)).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].transferId").value(transferId))
                .andExpect(jsonPath("$[0].status").value("PENDING"));

        // Sichuan's tree sees the incoming transfer through the grant; Suizhou does not
        assertThat(listedIds(TRANSFERS + "?direction=incoming&size=200", orgUser(SICHUAN, "union-staff"),
                "$.items[*].transferId")).contains(transferId);
        assertThat(listedIds(TRANSFERS + "?direction=incoming&size=200", orgUser(SUIZHOU, "union-staff"),
                "$.items[*].transferId")).doesNotContain(transferId);

        // only the member withdraws their own request: not the origin staff, not another account
        decide(transferId, "withdraw", null, orgUser(YUNXI, "union-staff")).andExpect(status().isForbidden());
        decide(transferId, "withdraw", null, orgUser(CHENGDU, "union-staff")).andExpect(status().isForbidden());
        decide(transferId, "withdraw", null, orgUser(YUNXI, "member")).andExpect(status().isNotFound());
        decide(transferId, "withdraw", null, member).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WITHDRAWN"))
                .andExpect(jsonPath("$.memberId").value(memberId));
        decide(transferId, "withdraw", null, member).andExpect(status().isConflict())
                .andExpect(jsonPath("$.transferStatus").value("WITHDRAWN"));
        mvc.perform(get(TRANSFERS + "/" + transferId).with(orgUser(CHENGDU, "union-staff")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/membership/v1/me").with(member)).andExpect(jsonPath("$.status").value("ACTIVE"));

        // a staff request is withdrawn by origin staff, not by the destination
        String byStaff = requested(memberId, zengdu.id(), orgUser(YUNXI, "union-staff"));
        decide(byStaff, "withdraw", null, orgUser(SUIZHOU, "union-admin")).andExpect(status().isForbidden());
        decide(byStaff, "withdraw", null, member).andExpect(status().isForbidden());
        decide(byStaff, "withdraw", null, orgUser(SHIYAN, "union-admin")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WITHDRAWN"));

        try (Consumer<String, String> consumer = memberEvents()) {
            List<ConsumerRecord<String, String>> all = awaitRecords(consumer, memberId, found -> found.size() >= 6);
            assertConformingAndAnonymous(all, memberId, "马晓东", idNumber, null);
            // the claim announced the account link; the transfer events follow the activation
            List<ConsumerRecord<String, String>> records = all.stream()
                    .filter(r -> !EventTypes.MEMBER_ACCOUNT_LINKED.type().equals(ceHeader(r, CloudEventHeaders.TYPE))).toList();
            assertThat(all).hasSize(records.size() + 1);
            assertThat(JsonPath.<Boolean>read(records.get(1).value(), "$.crossProvince")).isTrue();
            assertThat(JsonPath.<String>read(records.get(1).value(), "$.requestedBy")).isEqualTo("MEMBER");
            assertThat(JsonPath.<String>read(records.get(2).value(), "$.outcome")).isEqualTo("WITHDRAWN");
            assertThat(JsonPath.<String>read(records.get(4).value(), "$.outcome")).isEqualTo("WITHDRAWN");
        }
    }

    @Test
    void badRequestsAreProblemsNamingTheFieldAndNeverA500() throws Exception {
        RequestPostProcessor yunxiStaff = orgUser(YUNXI, "union-staff");
        String memberId = registered("田小禾", TestIdentities.citizenIdNumber(), null);

        requestTransfer(memberId, "no-such-org", "RELOCATED_FOR_WORK", yunxiStaff).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.violations[0].field").value("toOrgId"));
        requestTransfer(memberId, yunxi.id(), "RELOCATED_FOR_WORK", yunxiStaff).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("toOrgId"));
        requestTransfer(memberId, zengdu.id(), "BORED", yunxiStaff).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("reasonCode"));
        for (String malformed : List.of("{", "[]", "{\"toOrgId\":[1]}", "{\"unknown\":1}", "")) {
            mvc.perform(post(MEMBERS + "/" + memberId + "/transfers").with(yunxiStaff)
                            .contentType(MediaType.APPLICATION_JSON).content(malformed))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        // a dissolved destination takes no members
        OrgUnit dissolved = orgRegistration.registerChildIfAbsent(new OrgPath(SUIZHOU), "421321", "随县总工会",
                OrgType.COUNTY_FEDERATION);
        mongo.updateFirst(Query.query(where("_id").is(dissolved.id())), Update.update("dissolved", true), "orgs");
        requestTransfer(memberId, dissolved.id(), "RELOCATED_FOR_WORK", yunxiStaff)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("toOrgId"));
        // out of scope is not found; a member token on the staff API is forbidden
        requestTransfer(memberId, zengdu.id(), "RELOCATED_FOR_WORK", orgUser(ZHUSHAN, "union-admin"))
                .andExpect(status().isNotFound());
        requestTransfer(memberId, zengdu.id(), "RELOCATED_FOR_WORK", orgUser(YUNXI, "member"))
                .andExpect(status().isForbidden());
        mvc.perform(get(TRANSFERS + "?direction=incoming").with(orgUser(SUIZHOU, "member")))
                .andExpect(status().isForbidden());
        // list parameters
        for (String query : List.of("", "?direction=sideways", "?direction=incoming&size=201",
                "?direction=incoming&status=LOST", "?direction=incoming&page=-1")) {
            mvc.perform(get(TRANSFERS + query).with(orgUser(SUIZHOU, "union-staff")))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(get(TRANSFERS + "/no-such-transfer").with(orgUser(HUBEI, "union-admin")))
                .andExpect(status().isNotFound());

        // one transfer at a time; a retained member is reinstated before a transfer
        String transferId = requested(memberId, zengdu.id(), yunxiStaff);
        requestTransfer(memberId, chengdu.id(), "OTHER", yunxiStaff).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:member-status-conflict"))
                .andExpect(jsonPath("$.status").value("TRANSFER_PENDING"));
        mvc.perform(post(MEMBERS + "/" + memberId + "/terminate").with(yunxiStaff)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reasonCode\":\"VOLUNTARY_EXIT\"}"))
                .andExpect(status().isConflict());
        String retained = registered("田大禾", TestIdentities.citizenIdNumber(), null);
        mvc.perform(post(MEMBERS + "/" + retained + "/retain").with(yunxiStaff).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reasonCode\":\"LEFT_EMPLOYMENT\"}")).andExpect(status().isOk());
        requestTransfer(retained, zengdu.id(), "RELOCATED_FOR_WORK", yunxiStaff).andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value("RETAINED"));

        // accept: a date in the future is refused; a destination dissolved meanwhile cannot accept
        decide(transferId, "accept", "{\"effectiveOn\":\"2999-01-01\"}", orgUser(SUIZHOU, "union-staff"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("effectiveOn"));
        mongo.updateFirst(Query.query(where("_id").is(zengdu.id())), Update.update("dissolved", true), "orgs");
        try {
            decide(transferId, "accept", null, orgUser(SUIZHOU, "union-staff")).andExpect(status().isConflict())
                    .andExpect(jsonPath("$.type").value("urn:smartunion:problem:transfer-destination-dissolved"));
        } finally {
            mongo.updateFirst(Query.query(where("_id").is(zengdu.id())), new Update().unset("dissolved"), "orgs");
        }
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "/api/membership/v1/transfers/{transferId}/accept")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/api/membership/v1/me/transfers")));
    }

    @Test
    void anUnansweredTransferExpiresOnTheClockAndTheMemberIsActiveInYunxiAgain() throws Exception {
        String name = "雷春生";
        String idNumber = TestIdentities.citizenIdNumber();
        String memberId = registered(name, idNumber, null);
        RequestPostProcessor suizhouStaff = orgUser(SUIZHOU, "union-staff");
        String transferId = requested(memberId, zengdu.id(), orgUser(YUNXI, "union-staff"));
        mvc.perform(get(TRANSFERS + "/" + transferId).with(suizhouStaff)).andExpect(status().isOk());

        // a day before the deadline nothing expires
        clock.advance(Duration.ofDays(29));
        memberTransfers.expireDue();
        mvc.perform(get(TRANSFERS + "/" + transferId).with(suizhouStaff)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING"));

        // past the deadline the grant has ended even before the sweeper runs
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        mvc.perform(get(TRANSFERS + "/" + transferId).with(suizhouStaff)).andExpect(status().isNotFound());
        assertThat(listedIds(TRANSFERS + "?direction=incoming&size=200", suizhouStaff, "$.items[*].transferId"))
                .doesNotContain(transferId);
        decide(transferId, "accept", null, suizhouStaff).andExpect(status().isConflict())
                .andExpect(jsonPath("$.transferStatus").value("EXPIRED"));

        memberTransfers.expireDue();
        RequestPostProcessor yunxiStaff = orgUser(YUNXI, "union-staff");
        mvc.perform(get(MEMBERS + "/" + memberId).with(yunxiStaff))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.org.path").value(YUNXI))
                .andExpect(jsonPath("$.history[2].actorKind").value("SYSTEM"))
                .andExpect(jsonPath("$.history[2].transferId").value(transferId));
        mvc.perform(get(TRANSFERS + "/" + transferId).with(yunxiStaff)).andExpect(jsonPath("$.status").value("EXPIRED"));

        try (Consumer<String, String> consumer = memberEvents()) {
            List<ConsumerRecord<String, String>> records = awaitRecords(consumer, memberId, found -> found.size() >= 3);
            assertThat(records).hasSize(3);
            assertConformingAndAnonymous(records, memberId, name, idNumber, null);
            assertThat(JsonPath.<String>read(records.get(2).value(), "$.outcome")).isEqualTo("EXPIRED");
        }
    }

    @Test
    void sweepersOnSeveralReplicasExpireEachTransferExactlyOnce() throws Exception {
        List<String> memberIds = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String memberId = registered("汪" + "一二三四".charAt(i) + "水", TestIdentities.citizenIdNumber(), null);
            requested(memberId, zengdu.id(), orgUser(YUNXI, "union-staff"));
            memberIds.add(memberId);
        }
        clock.advance(Duration.ofDays(31));

        // three replicas sweep at the same moment (the scheduled sweeper may join in): each member document is
        // changed once, so its history and its events show exactly one expiry
        race(List.of(memberTransfers::expireDue, memberTransfers::expireDue, memberTransfers::expireDue));

        for (String memberId : memberIds) {
            String record = body(mvc.perform(get(MEMBERS + "/" + memberId).with(orgUser(YUNXI, "union-staff")))
                    .andExpect(jsonPath("$.status").value("ACTIVE")));
            assertThat(JsonPath.<List<String>>read(record, "$.history[*].to"))
                    .containsExactly("ACTIVE", "TRANSFER_PENDING", "ACTIVE");
        }
        for (String memberId : memberIds) {
            try (Consumer<String, String> consumer = memberEvents()) {
                List<ConsumerRecord<String, String>> records = awaitRecords(consumer, memberId,
                        found -> found.size() >= 3);
                assertThat(records).extracting(r -> ceHeader(r, CloudEventHeaders.TYPE)).containsExactly(
                        EventTypes.MEMBER_ACTIVATED.type(), EventTypes.MEMBER_TRANSFER_REQUESTED.type(),
                        EventTypes.MEMBER_TRANSFER_CLOSED.type());
                assertThat(JsonPath.<String>read(records.get(2).value(), "$.outcome")).isEqualTo("EXPIRED");
            }
        }
    }

    @Test
    void ofTwoConcurrentDecisionsOnOneTransferExactlyOneTakesEffectAndTheOtherIsAConflict() throws Exception {
        RequestPostProcessor suizhouStaff = orgUser(SUIZHOU, "union-staff");
        RequestPostProcessor zengduAdmin = orgUser(ZENGDU, "union-admin");
        for (int round = 0; round < 4; round++) {
            String memberId = registered("龚" + "甲乙丙丁".charAt(round) + "林", TestIdentities.citizenIdNumber(), null);
            String transferId = requested(memberId, zengdu.id(), orgUser(YUNXI, "union-staff"));
            String second = round % 2 == 0 ? "decline" : "accept";
            String secondBody = round % 2 == 0 ? "{\"reasonCode\":\"WRONG_DESTINATION\"}" : "{}";

            List<MockHttpServletResponse> responses = race(List.of(
                    () -> decide(transferId, "accept", "{}", suizhouStaff).andReturn().getResponse(),
                    () -> decide(transferId, second, secondBody, zengduAdmin).andReturn().getResponse()));

            assertThat(responses).extracting(MockHttpServletResponse::getStatus).containsExactlyInAnyOrder(200, 409);
            MockHttpServletResponse loser = responses.stream().filter(r -> r.getStatus() == 409).findFirst()
                    .orElseThrow();
            assertThat(loser.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(JsonPath.<String>read(loser.getContentAsString(StandardCharsets.UTF_8), "$.type"))
                    .isIn("urn:smartunion:problem:transfer-closed", "urn:smartunion:problem:conflict");
            String winner = responses.stream().filter(r -> r.getStatus() == 200).findFirst().orElseThrow()
                    .getContentAsString(StandardCharsets.UTF_8);
            String outcome = JsonPath.read(winner, "$.status");
            try (Consumer<String, String> consumer = memberEvents()) {
                List<ConsumerRecord<String, String>> records = awaitRecords(consumer, memberId,
                        found -> found.size() >= 3);
                assertThat(records).hasSize(3);
                assertThat(ceHeader(records.get(2), CloudEventHeaders.TYPE)).isEqualTo("ACCEPTED".equals(outcome)
                        ? EventTypes.MEMBER_TRANSFERRED.type() : EventTypes.MEMBER_TRANSFER_CLOSED.type());
            }
            RequestPostProcessor owner = "ACCEPTED".equals(outcome) ? suizhouStaff : orgUser(YUNXI, "union-staff");
            String record = body(mvc.perform(get(MEMBERS + "/" + memberId).with(owner)).andExpect(status().isOk()));
            assertThat(JsonPath.<List<String>>read(record, "$.history[*].to")).hasSize(3);
        }
    }

    @Test
    void thePendingTransferIsIndexedByDestinationAndDeadlineAndLeavesTheDocumentWhenItEnds() throws Exception {
        assertThat(mongo.indexOps("members").getIndexInfo()).extracting(IndexInfo::getName)
                .contains("pending_transfer_to", "pending_transfer_due", "pending_transfer_id", "transfers_to");
        String memberId = registered("白露生", TestIdentities.citizenIdNumber(), null);
        String transferId = requested(memberId, zengdu.id(), orgUser(YUNXI, "union-staff"));

        Document pending = mongo.findById(memberId, Document.class, "members");
        assertThat(pending).isNotNull();
        Document transfer = pending.get("pendingTransfer", Document.class);
        assertThat(transfer.getString("transferId")).isEqualTo(transferId);
        assertThat(transfer.getString("toOrgPath")).isEqualTo(ZENGDU);
        assertThat(transfer.getString("fromOrgPath")).isEqualTo(YUNXI);
        assertThat(transfer.get("expiresAt")).isInstanceOf(java.util.Date.class);

        decide(transferId, "withdraw", null, orgUser(YUNXI, "union-staff")).andExpect(status().isOk());
        Document ended = mongo.findById(memberId, Document.class, "members");
        assertThat(ended).isNotNull();
        assertThat(ended.containsKey("pendingTransfer")).isFalse();
        assertThat(ended.getList("transfers", Document.class)).extracting(closed -> closed.getString("status"))
                .containsExactly("WITHDRAWN");
    }

    @Test
    void aPendingTransferFollowsItsDestinationWhenThatUnionMovesInTheTree() throws Exception {
        String code = "MV" + java.util.UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        OrgUnit destination = orgRegistration.registerChildIfAbsent(new OrgPath(ZENGDU), code, "曾都某物流公司工会",
                OrgType.GRASSROOTS_UNION);
        OrgUnit guangshui = orgRegistration.registerChildIfAbsent(new OrgPath(SUIZHOU), "421381", "广水市总工会",
                OrgType.COUNTY_FEDERATION);
        String memberId = registered("江海生", TestIdentities.citizenIdNumber(), null);
        String transferId = requested(memberId, destination.id(), orgUser(YUNXI, "union-staff"));

        restructuring.move(new MoveOrg(destination.id(), guangshui.id()), new OrgPrincipal("suizhou-admin",
                "suizhou.admin", SUIZHOU, Set.of("union-admin", "union-staff")), null);

        String moved = SUIZHOU + "/421381/" + code;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Document member = mongo.findById(memberId, Document.class, "members");
            assertThat(member).isNotNull();
            assertThat(member.get("pendingTransfer", Document.class).getString("toOrgPath")).isEqualTo(moved);
        });
        assertThat(listedIds(TRANSFERS + "?direction=incoming&size=200", orgUser(SUIZHOU + "/421381", "union-staff"),
                "$.items[*].transferId")).contains(transferId);
        assertThat(listedIds(TRANSFERS + "?direction=incoming&size=200", orgUser(ZENGDU, "union-staff"),
                "$.items[*].transferId")).doesNotContain(transferId);
        decide(transferId, "accept", null, orgUser(moved, "union-staff")).andExpect(status().isOk())
                .andExpect(jsonPath("$.toOrg.path").value(moved));
        mvc.perform(get(MEMBERS + "/" + memberId).with(orgUser(moved, "union-staff"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.org.path").value(moved));
    }

    private void assertZhushanNeverSees(String transferId, RequestPostProcessor zhushan) throws Exception {
        mvc.perform(get(TRANSFERS + "/" + transferId).with(zhushan)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        for (String query : List.of("?direction=incoming", "?direction=outgoing",
                "?direction=incoming&status=ACCEPTED", "?direction=outgoing&status=ACCEPTED")) {
            assertThat(listedIds(TRANSFERS + query + "&size=200", zhushan, "$.items[*].transferId"))
                    .doesNotContain(transferId);
        }
    }

    private static void assertConformingAndAnonymous(List<ConsumerRecord<String, String>> records, String memberId,
                                                     String name, String idNumber, String phone) {
        for (ConsumerRecord<String, String> record : records) {
            EventSchemaAssertions.assertConformsToSchema(ceHeader(record, CloudEventHeaders.TYPE), record.value());
            assertThat(ceHeader(record, CloudEventHeaders.SUBJECT)).isEqualTo(memberId);
            assertThat(record.key()).isEqualTo(memberId);
            StringBuilder everything = new StringBuilder(record.value());
            record.headers().forEach(h -> everything.append(new String(h.value(), StandardCharsets.UTF_8)));
            assertThat(everything.toString()).doesNotContain(name).doesNotContain(name.substring(1))
                    .doesNotContain(idNumber).doesNotContain(idNumber.substring(0, 17))
                    .doesNotContain(idNumber.substring(6, 14));
            if (phone != null) {
                assertThat(everything.toString()).doesNotContain(phone).doesNotContain(phone.substring(3));
            }
        }
    }

    /** Starts the calls together and returns their results in the given order. */
    private static <T> List<T> race(List<Callable<T>> calls) throws Exception {
        CyclicBarrier start = new CyclicBarrier(calls.size());
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private String registered(String name, String idNumber, String phone) throws Exception {
        String json = """
                {"orgId":"%s","legalName":"%s","citizenIdNumber":"%s",%s"joinChannel":"AT_ORIGIN",
                 "groupTags":["MIGRANT_WORKER"]}""".formatted(yunxi.id(), name, idNumber,
                phone == null ? "" : "\"mobilePhone\":\"" + phone + "\",");
        return JsonPath.read(body(mvc.perform(post(MEMBERS).with(orgUser(YUNXI, "union-staff"))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isCreated())), "$.id");
    }

    private String requested(String memberId, String toOrgId, RequestPostProcessor caller) throws Exception {
        return JsonPath.read(body(requestTransfer(memberId, toOrgId, "CHANGED_EMPLOYER", caller)
                .andExpect(status().isCreated())), "$.transferId");
    }

    private ResultActions requestTransfer(String memberId, String toOrgId, String reasonCode,
                                          RequestPostProcessor caller) throws Exception {
        return mvc.perform(post(MEMBERS + "/" + memberId + "/transfers").with(caller)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"toOrgId\":\"%s\",\"reasonCode\":\"%s\"}".formatted(toOrgId, reasonCode)));
    }

    private ResultActions decide(String transferId, String action, String json, RequestPostProcessor caller)
            throws Exception {
        MockHttpServletRequestBuilder request = post(TRANSFERS + "/" + transferId + "/" + action).with(caller);
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request);
    }

    private List<String> listedIds(String url, RequestPostProcessor caller, String path) throws Exception {
        return JsonPath.read(body(mvc.perform(get(url).with(caller)).andExpect(status().isOk())), path);
    }

    private static String body(ResultActions actions) throws Exception {
        return actions.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static Logger auditLogger() {
        return (Logger) LoggerFactory.getLogger("cn.smartunion.audit.membership");
    }
}
