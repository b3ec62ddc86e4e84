package cn.smartunion.aid.campaign;

import cn.smartunion.aid.AidSpringTest;
import cn.smartunion.aid.eligibility.domain.MemberStanding;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.Topics;
import cn.smartunion.runtime.testing.TestCitizenIds;
import cn.smartunion.runtime.testing.TestJwts;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.oauth2.jwt.Jwt;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static cn.smartunion.contracts.EventSchemaAssertions.assertConformsToSchema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class CampaignApiTest extends AidSpringTest {

    private static final String ANY_WORKER = "{\"audience\":\"ANY_WORKER\"}";
    private static final String MEMBERS = "{\"audience\":\"MEMBERS\",\"includeRetained\":false}";
    private static final String CYCLE = "2026-SUMMER";
    private static final String HEADER = "类型,会员编号,姓名,身份证号,群体,工地名称,人数,现金(分),实物(分),发放日期\n";

    private record Launched(String programmeCode, String lineId, String campaignId) {
    }

    private Launched launchedCampaign(String eligibility, long allocatedFen) throws Exception {
        String code = programme("SUMMER", "CAMPAIGN", "SEASON", false, eligibility);
        String line = budgetLine(code, YUNXI_ID, YUNXI, CYCLE, allocatedFen);
        String id = plan(code, line);
        mvc.perform(post("/api/aid/v1/campaigns/{id}/launch", id).with(staff(YUNXI, "aid-officer")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("LAUNCHED"));
        return new Launched(code, line, id);
    }

    private String plan(String code, String line) throws Exception {
        String body = mvc.perform(post("/api/aid/v1/campaigns").with(staff(YUNXI, "aid-officer"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"programmeCode":"%s","orgId":"%s","cycle":"%s","budgetLineId":"%s",
                                 "title":"夏送清凉","startsOn":"2026-07-01","endsOn":"2026-08-31"}"""
                                .formatted(code, YUNXI_ID, CYCLE, line)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("PLANNED"))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private static String worker(String idNumber, String name, long cashFen) {
        return """
                {"beneficiary":{"type":"NON_MEMBER_WORKER","person":{"citizenIdNumber":"%s","legalName":"%s"},
                 "groupTags":["SANITATION"]},"cashFen":%d,"inKindFen":0,"deliveredOn":"2026-07-15",
                 "channel":"CASH"}""".formatted(idNumber, name, cashFen);
    }

    private static String member(String memberId) {
        return """
                {"beneficiary":{"type":"MEMBER","memberId":"%s"},"cashFen":10000,"inKindFen":5000,
                 "deliveredOn":"2026-07-15","channel":"CASH"}""".formatted(memberId);
    }

    @Test
    void launch_emits_a_schema_valid_campaign_launched_with_the_lines_budget() throws Exception {
        Consumer<String, String> consumer = consumer(Topics.AID_CAMPAIGN);
        Launched c = launchedCampaign(ANY_WORKER, 3_000_000);

        mvc.perform(get("/api/aid/v1/campaigns/{id}", c.campaignId()).with(staff(YUNXI, "analyst")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.budgetFen").value(3_000_000))
                .andExpect(jsonPath("$.fundingSource").value("OWN_FUNDS"));
        mvc.perform(post("/api/aid/v1/campaigns/{id}/launch", c.campaignId()).with(staff(YUNXI, "aid-officer")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.status").value("LAUNCHED"));

        ConsumerRecord<String, String> launched = awaitRecords(consumer,
                r -> c.campaignId().equals(r.key())
                        && EventTypes.CAMPAIGN_LAUNCHED.type().equals(ceHeader(r, "ce_type")), 1).get(0);
        assertConformsToSchema(ceHeader(launched, "ce_type"), launched.value());
        assertThat((Integer) JsonPath.read(launched.value(), "$.budgetFen")).isEqualTo(3_000_000);
        assertThat((String) JsonPath.read(launched.value(), "$.budgetLineId")).isEqualTo(c.lineId());
        consumer.close();
    }

    @Test
    void a_window_ending_before_it_starts_or_a_line_of_another_programme_is_refused() throws Exception {
        String code = programme("SUMMER", "CAMPAIGN", "SEASON", false, ANY_WORKER);
        String other = programme("WINTER", "CAMPAIGN", "SEASON", false, ANY_WORKER);
        String line = budgetLine(code, YUNXI_ID, YUNXI, CYCLE, 1000);
        String otherLine = budgetLine(other, YUNXI_ID, YUNXI, CYCLE, 1000);
        String template = """
                {"programmeCode":"%s","orgId":"%s","cycle":"%s","budgetLineId":"%s","title":"t",
                 "startsOn":"%s","endsOn":"%s"}""";
        mvc.perform(post("/api/aid/v1/campaigns").with(staff(YUNXI, "aid-officer"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(template.formatted(code, YUNXI_ID, CYCLE, line, "2026-08-01", "2026-07-01")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("endsOn"));
        mvc.perform(post("/api/aid/v1/campaigns").with(staff(YUNXI, "aid-officer"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(template.formatted(code, YUNXI_ID, CYCLE, otherLine, "2026-07-01", "2026-08-01")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("budgetLineId"));
    }

    @Test
    void a_non_member_worker_receives_a_summer_delivery_paid_through_the_ledger_without_personal_data()
            throws Exception {
        Consumer<String, String> campaignEvents = consumer(Topics.AID_CAMPAIGN);
        Consumer<String, String> disbursed = consumer(Topics.AID_DISBURSEMENT);
        Launched c = launchedCampaign(ANY_WORKER, 1_000_000);
        String idNumber = TestCitizenIds.adult();
        String name = "王建国";

        String body = mvc.perform(post("/api/aid/v1/campaigns/{id}/deliveries", c.campaignId())
                        .with(staff(YUNXI, "aid-officer")).contentType(MediaType.APPLICATION_JSON)
                        .content(worker(idNumber, name, 30_000)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.beneficiaryType").value("NON_MEMBER_WORKER"))
                .andExpect(jsonPath("$.personTimes").value(1))
                .andExpect(jsonPath("$.paidFen").value(30_000))
                .andExpect(jsonPath("$.unpaidFen").value(0))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain(idNumber).doesNotContain(name);
        String deliveryId = JsonPath.read(body, "$.id");
        String personId = JsonPath.read(body, "$.personId");

        ConsumerRecord<String, String> delivered = awaitRecords(campaignEvents, r -> deliveryId.equals(r.key()), 1)
                .get(0);
        assertThat(ceHeader(delivered, "ce_type")).isEqualTo(EventTypes.CONDOLENCE_DELIVERED.type());
        assertConformsToSchema(ceHeader(delivered, "ce_type"), delivered.value());
        assertThat(delivered.value()).doesNotContain(idNumber).doesNotContain(name).contains(personId);
        assertThat((Integer) JsonPath.read(delivered.value(), "$.personTimes")).isEqualTo(1);

        ConsumerRecord<String, String> paid = awaitRecords(disbursed,
                r -> r.value().contains("\"sourceId\":\"" + deliveryId + "\""), 1).get(0);
        assertConformsToSchema(ceHeader(paid, "ce_type"), paid.value());
        assertThat((String) JsonPath.read(paid.value(), "$.sourceType")).isEqualTo("CAMPAIGN_DELIVERY");
        assertThat((Integer) JsonPath.read(paid.value(), "$.amountFen")).isEqualTo(30_000);
        assertThat(paid.value()).doesNotContain(idNumber).doesNotContain(name);

        Document stored = mongo.findById(deliveryId, Document.class, "condolence_deliveries");
        assertThat(stored.toJson()).doesNotContain(idNumber).doesNotContain(name);
        mvc.perform(get("/api/aid/v1/campaigns/{id}", c.campaignId()).with(staff(YUNXI, "analyst")))
                .andExpect(jsonPath("$.totals.personTimes").value(1))
                .andExpect(jsonPath("$.totals.cashFen").value(30_000))
                .andExpect(jsonPath("$.totals.deliveries").value(1));
        mvc.perform(get("/api/aid/v1/budget-lines/{id}", c.lineId()).with(staff(YUNXI, "analyst")))
                .andExpect(jsonPath("$.committedFen").value(30_000)).andExpect(jsonPath("$.paidFen").value(30_000));
        campaignEvents.close();
        disbursed.close();
    }

    @Test
    void a_members_only_programme_refuses_a_non_member_and_a_terminated_member() throws Exception {
        Launched c = launchedCampaign(MEMBERS, 1_000_000);
        String terminated = activeMember(YUNXI_ID, YUNXI, LocalDate.of(2020, 1, 1));
        changeStanding(terminated, MemberStanding.TERMINATED, LocalDate.of(2026, 1, 1));
        String active = activeMember(YUNXI_ID, YUNXI, LocalDate.of(2020, 1, 1));

        mvc.perform(post("/api/aid/v1/campaigns/{id}/deliveries", c.campaignId()).with(staff(YUNXI, "aid-officer"))
                        .contentType(MediaType.APPLICATION_JSON).content(worker(TestCitizenIds.adult(), "李四", 100)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:not-eligible"))
                .andExpect(jsonPath("$.reasons", hasItem("NOT_A_MEMBER")));
        mvc.perform(post("/api/aid/v1/campaigns/{id}/deliveries", c.campaignId()).with(staff(YUNXI, "aid-officer"))
                        .contentType(MediaType.APPLICATION_JSON).content(member(terminated)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reasons", hasItem("MEMBERSHIP_TERMINATED")));
        mvc.perform(post("/api/aid/v1/campaigns/{id}/deliveries", c.campaignId()).with(staff(YUNXI, "aid-officer"))
                        .contentType(MediaType.APPLICATION_JSON).content(member(active)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.memberId").value(active))
                .andExpect(jsonPath("$.paidFen").value(15_000));

        assertThat(mongo.count(Query.query(Criteria.where("campaignId").is(c.campaignId())),
                "condolence_deliveries")).isEqualTo(1);
    }

    @Test
    void a_work_site_delivery_counts_its_workers_as_person_times() throws Exception {
        Launched c = launchedCampaign(ANY_WORKER, 1_000_000);
        String site = """
                {"beneficiary":{"type":"WORK_SITE","site":{"name":"十堰东站建设工地"},"workerCount":35},
                 "cashFen":0,"inKindFen":175000,"deliveredOn":"2026-07-20","channel":"CASH"}""";

        mvc.perform(post("/api/aid/v1/campaigns/{id}/deliveries", c.campaignId()).with(staff(YUNXI, "aid-officer"))
                        .contentType(MediaType.APPLICATION_JSON).content(site))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.personTimes").value(35))
                .andExpect(jsonPath("$.paidFen").value(175_000));
        mvc.perform(post("/api/aid/v1/campaigns/{id}/deliveries", c.campaignId()).with(staff(YUNXI, "aid-officer"))
                        .contentType(MediaType.APPLICATION_JSON).content(site.replace("35", "5")))
                .andExpect(status().isCreated());

        mvc.perform(get("/api/aid/v1/campaigns/{id}", c.campaignId()).with(staff(YUNXI, "analyst")))
                .andExpect(jsonPath("$.totals.personTimes").value(40))
                .andExpect(jsonPath("$.totals.inKindFen").value(175_000 * 2))
                .andExpect(jsonPath("$.totals.sitesVisited").value(1))
                .andExpect(jsonPath("$.totals.deliveries").value(2));
    }

    @Test
    void an_exhausted_budget_refuses_the_delivery_with_409_and_records_nothing() throws Exception {
        Launched c = launchedCampaign(ANY_WORKER, 10_000);
        mvc.perform(post("/api/aid/v1/campaigns/{id}/deliveries", c.campaignId()).with(staff(YUNXI, "aid-officer"))
                        .contentType(MediaType.APPLICATION_JSON).content(worker(TestCitizenIds.adult(), "甲", 8_000)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/aid/v1/campaigns/{id}/deliveries", c.campaignId()).with(staff(YUNXI, "aid-officer"))
                        .contentType(MediaType.APPLICATION_JSON).content(worker(TestCitizenIds.adult(), "乙", 5_000)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:budget-exhausted"));

        assertThat(mongo.count(Query.query(Criteria.where("campaignId").is(c.campaignId())),
                "condolence_deliveries")).isEqualTo(1);
        mvc.perform(get("/api/aid/v1/budget-lines/{id}", c.lineId()).with(staff(YUNXI, "analyst")))
                .andExpect(jsonPath("$.committedFen").value(8_000));
    }

    @Test
    void a_retried_delivery_with_the_same_idempotency_key_is_recorded_once() throws Exception {
        Launched c = launchedCampaign(ANY_WORKER, 100_000);
        Jwt officer = TestJwts.orgUserJwt(YUNXI, "aid-officer");
        String request = worker(TestCitizenIds.adult(), "丙", 2_000);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String body = mvc.perform(post("/api/aid/v1/campaigns/{id}/deliveries", c.campaignId())
                            .with(TestJwts.authenticated(officer)).header("Idempotency-Key", "retry-key-0001")
                            .contentType(MediaType.APPLICATION_JSON).content(request))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            ids.add(JsonPath.read(body, "$.id"));
        }
        assertThat(ids.get(1)).isEqualTo(ids.get(0));
        assertThat(mongo.count(Query.query(Criteria.where("campaignId").is(c.campaignId())),
                "condolence_deliveries")).isEqualTo(1);
        mvc.perform(get("/api/aid/v1/budget-lines/{id}", c.lineId()).with(staff(YUNXI, "analyst")))
                .andExpect(jsonPath("$.committedFen").value(2_000)).andExpect(jsonPath("$.paidFen").value(2_000));
    }

    @Test
    void a_once_per_cycle_programme_gives_a_person_one_delivery_per_cycle() throws Exception {
        String code = programme("WINTER", "CAMPAIGN", "SEASON", true, ANY_WORKER);
        String line = budgetLine(code, YUNXI_ID, YUNXI, CYCLE, 100_000);
        String id = plan(code, line);
        mvc.perform(post("/api/aid/v1/campaigns/{id}/launch", id).with(staff(YUNXI, "aid-officer")))
                .andExpect(status().isOk());
        String idNumber = TestCitizenIds.adult();

        mvc.perform(post("/api/aid/v1/campaigns/{id}/deliveries", id).with(staff(YUNXI, "aid-officer"))
                        .contentType(MediaType.APPLICATION_JSON).content(worker(idNumber, "己", 1_000)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/aid/v1/campaigns/{id}/deliveries", id).with(staff(YUNXI, "aid-officer"))
                        .contentType(MediaType.APPLICATION_JSON).content(worker(idNumber, "己", 1_000)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:already-granted-in-cycle"));
        mvc.perform(get("/api/aid/v1/budget-lines/{id}", line).with(staff(YUNXI, "analyst")))
                .andExpect(jsonPath("$.committedFen").value(1_000));
    }

    @Test
    void a_closed_campaign_takes_no_deliveries() throws Exception {
        Launched c = launchedCampaign(ANY_WORKER, 100_000);
        mvc.perform(post("/api/aid/v1/campaigns/{id}/close", c.campaignId()).with(staff(YUNXI, "aid-officer")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"));
        mvc.perform(post("/api/aid/v1/campaigns/{id}/deliveries", c.campaignId()).with(staff(YUNXI, "aid-officer"))
                        .contentType(MediaType.APPLICATION_JSON).content(worker(TestCitizenIds.adult(), "丁", 100)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.status").value("CLOSED"));
    }

    @Test
    void scope_a_sibling_county_sees_nothing_and_the_city_sees_its_counties() throws Exception {
        Launched c = launchedCampaign(ANY_WORKER, 100_000);

        mvc.perform(get("/api/aid/v1/campaigns/{id}", c.campaignId()).with(staff(ZHUSHAN, "aid-officer")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/aid/v1/campaigns/{id}/deliveries", c.campaignId()).with(staff(ZHUSHAN, "aid-officer"))
                        .contentType(MediaType.APPLICATION_JSON).content(worker(TestCitizenIds.adult(), "戊", 100)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/aid/v1/campaigns").param("programmeCode", c.programmeCode())
                        .with(staff(ZHUSHAN, "analyst")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get("/api/aid/v1/campaigns/{id}", c.campaignId()).with(staff(SHIYAN, "analyst")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/aid/v1/campaigns").param("programmeCode", c.programmeCode())
                        .param("status", "LAUNCHED").with(staff(SHIYAN, "analyst")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].id").value(c.campaignId()));
        mvc.perform(post("/api/aid/v1/campaigns/{id}/launch", c.campaignId()).with(staff(YUNXI, "analyst")))
                .andExpect(status().isForbidden());
    }

    @Test
    void a_distribution_list_of_200_rows_completes_with_row_reasons_and_the_same_file_is_the_same_job()
            throws Exception {
        Launched c = launchedCampaign(ANY_WORKER, 100_000_000);
        StringBuilder csv = new StringBuilder(HEADER);
        List<String> secrets = new ArrayList<>();
        int expectedRejected = 0;
        for (int i = 0; i < 200; i++) {
            int row = i + 2;
            String id = TestCitizenIds.adult();
            String name = "工人" + i;
            secrets.add(id);
            if (i % 20 == 3) { // bad check digit
                String bad = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
                secrets.add(bad);
                csv.append("职工,,%s,%s,,,,1000,0,2026-07-10\n".formatted(name, bad));
                expectedRejected++;
            } else if (i % 20 == 7) { // unknown type
                csv.append("路人,,%s,%s,,,,1000,0,2026-07-10\n".formatted(name, id));
                expectedRejected++;
            } else if (i % 20 == 11) { // outside the campaign
                csv.append("职工,,%s,%s,,,,1000,0,2026-09-10\n".formatted(name, id));
                expectedRejected++;
            } else if (i % 20 == 13) { // nothing given
                csv.append("职工,,%s,%s,,,,0,0,2026-07-10\n".formatted(name, id));
                expectedRejected++;
            } else if (i % 20 == 17) {
                csv.append("工地,,,,,工地%d,12,0,6000,2026-07-12\n".formatted(i));
            } else {
                csv.append("职工,,%s,%s,SANITATION;MIGRANT,,,1000,500,2026-07-10\n".formatted(name, id));
            }
            assertThat(row).isPositive();
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        MockMultipartFile file = new MockMultipartFile("file", "名单.csv", "text/csv", bytes);

        String body = mvc.perform(multipart("/api/aid/v1/campaigns/{id}/distribution-jobs", c.campaignId())
                        .file(file).with(staff(YUNXI, "aid-officer")))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.rowsTotal").value(200))
                .andReturn().getResponse().getContentAsString();
        String jobId = JsonPath.read(body, "$.id");

        int rejected = expectedRejected;
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                mvc.perform(get("/api/aid/v1/distribution-jobs/{id}", jobId).with(staff(SHIYAN, "analyst")))
                        .andExpect(jsonPath("$.status").value("COMPLETED")));
        String job = mvc.perform(get("/api/aid/v1/distribution-jobs/{id}", jobId).with(staff(YUNXI, "analyst")))
                .andExpect(jsonPath("$.progressPercent").value(100))
                .andExpect(jsonPath("$.rowsProcessed").value(200))
                .andExpect(jsonPath("$.accepted").value(200 - rejected))
                .andExpect(jsonPath("$.rejected").value(rejected))
                .andExpect(jsonPath("$.rejections[?(@.row == 5)].code", hasItem("INVALID_ID_NUMBER")))
                .andExpect(jsonPath("$.rejections[?(@.row == 5)].field", hasItem("身份证号")))
                .andExpect(jsonPath("$.rejections[?(@.row == 9)].code", hasItem("INVALID_TYPE")))
                .andExpect(jsonPath("$.rejections[?(@.row == 13)].code", hasItem("OUTSIDE_CAMPAIGN_WINDOW")))
                .andExpect(jsonPath("$.rejections[?(@.row == 15)].code", hasItem("INVALID_AMOUNT")))
                .andReturn().getResponse().getContentAsString();
        secrets.forEach(secret -> assertThat(job).doesNotContain(secret));
        Document stored = mongo.findById(jobId, Document.class, "distribution_jobs");
        assertThat(stored).doesNotContainKey("list");

        mvc.perform(multipart("/api/aid/v1/campaigns/{id}/distribution-jobs", c.campaignId())
                        .file(file).with(staff(YUNXI, "aid-officer")))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.id").value(jobId))
                .andExpect(jsonPath("$.status").value("COMPLETED"));
        mvc.perform(get("/api/aid/v1/distribution-jobs/{id}", jobId).with(staff(ZHUSHAN, "analyst")))
                .andExpect(status().isNotFound());
        // 10 work sites of 12 workers, 150 people (200 rows less 40 rejected and 10 sites)
        mvc.perform(get("/api/aid/v1/campaigns/{id}", c.campaignId()).with(staff(YUNXI, "analyst")))
                .andExpect(jsonPath("$.totals.deliveries").value(200 - rejected))
                .andExpect(jsonPath("$.totals.personTimes").value(150 + 10 * 12))
                .andExpect(jsonPath("$.totals.sitesVisited").value(10));
    }

    @Test
    void a_gbk_list_is_read_as_gbk() throws Exception {
        Launched c = launchedCampaign(ANY_WORKER, 1_000_000);
        String csv = HEADER + "职工,,张三丰,%s,,,,2000,0,2026-07-10\n".formatted(TestCitizenIds.adult())
                + "工地,,,,,郧西县城关镇环卫站,8,0,4000,2026-07-11\n";
        MockMultipartFile file = new MockMultipartFile("file", "名单.csv", "text/csv",
                csv.getBytes(Charset.forName("GBK")));

        String body = mvc.perform(multipart("/api/aid/v1/campaigns/{id}/distribution-jobs", c.campaignId())
                        .file(file).with(staff(YUNXI, "aid-officer")))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        String jobId = JsonPath.read(body, "$.id");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                mvc.perform(get("/api/aid/v1/distribution-jobs/{id}", jobId).with(staff(YUNXI, "analyst")))
                        .andExpect(jsonPath("$.status").value("COMPLETED"))
                        .andExpect(jsonPath("$.accepted").value(2))
                        .andExpect(jsonPath("$.rejected", is(0))));
        String deliveries = mvc.perform(get("/api/aid/v1/campaigns/{id}/deliveries", c.campaignId())
                        .with(staff(YUNXI, "analyst")))
                .andExpect(jsonPath("$.items[*].siteName", hasItem("郧西县城关镇环卫站")))
                .andExpect(jsonPath("$.items[*].maskedName", not(hasItem("张三丰"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(deliveries).contains("张");
    }

    @Test
    void a_list_without_the_required_columns_is_refused() throws Exception {
        Launched c = launchedCampaign(ANY_WORKER, 1_000_000);
        MockMultipartFile file = new MockMultipartFile("file", "x.csv", "text/csv",
                "姓名,身份证号\n张三,1\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/aid/v1/campaigns/{id}/distribution-jobs", c.campaignId())
                        .file(file).with(staff(YUNXI, "aid-officer")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("file"));
    }
}
