package cn.smartunion.membership.enrolment.adapter.in.web;

import cn.smartunion.contracts.CloudEventHeaders;
import cn.smartunion.contracts.EventSchemaAssertions;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.Topics;
import cn.smartunion.membership.enrolment.ControllableRosterEnrolment;
import cn.smartunion.membership.enrolment.GeneratedRoster;
import cn.smartunion.membership.enrolment.RosterGenerator;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static cn.smartunion.runtime.testing.TestJwts.orgUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class EnrolmentJobApiTest extends EnrolmentApiTestSupport {

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])[1-9][0-9]{16}[0-9X](?![0-9])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");

    @Test
    void aTenThousandRowRosterImportsWhileItsProgressMovesAndAnnouncesItsTotalsOnce() throws Exception {
        GeneratedRoster roster = PEOPLE.roster(10_000, 50, ZHUSHAN);
        byte[] csv = roster.csv(StandardCharsets.UTF_8, true, GeneratedRoster.CHINESE_HEADERS);
        String jobId;
        // the worker stops at the 5001st data row, after the checkpoint of the first 5,000
        try (ControllableRosterEnrolment.Hold hold = register.holdAt(5002)) {
            String accepted = upload(csv, "郧西县骑手名册.csv", CSV, yunxi.id(), YUNXI, "union-staff")
                    .andExpect(status().isAccepted())
                    .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith(BASE + "/")))
                    .andExpect(jsonPath("$.rowsTotal").value(10_000))
                    .andExpect(jsonPath("$.file.format").value("CSV"))
                    .andExpect(jsonPath("$.file.encoding").value("UTF-8"))
                    .andExpect(jsonPath("$.file.columns[1].header").value("公民身份号码"))
                    .andReturn().getResponse().getContentAsString();
            jobId = JsonPath.read(accepted, "$.id");

            // rows are enrolled a few at a time: the checkpoint of the first 5,000 follows soon after the hold
            await().atMost(Duration.ofSeconds(120)).until(() -> hold.reached()
                    && intAt(job(jobId), "$.processed") == 5_000);
            String midway = job(jobId);
            assertThat((String) JsonPath.read(midway, "$.status")).isEqualTo("RUNNING");
            assertThat(intAt(midway, "$.processed")).isEqualTo(5_000);
            assertThat(intAt(midway, "$.progressPercent")).isEqualTo(50);
            assertThat(intAt(midway, "$.rejected")).isEqualTo(100);
            assertThat(intAt(midway, "$.activated")).isEqualTo(4_900);
        }

        String done = awaitStatus(jobId, "COMPLETED");
        assertThat(intAt(done, "$.progressPercent")).isEqualTo(100);
        assertThat(intAt(done, "$.processed")).isEqualTo(10_000);
        assertThat(intAt(done, "$.activated")).isEqualTo(9_800);
        assertThat(intAt(done, "$.alreadyMembers")).isZero();
        assertThat(intAt(done, "$.rejected")).isEqualTo(200);

        // the rejected rows, with the planted reasons at the planted rows, and never an ID or phone in clear
        String page = mvc.perform(get(BASE + "/" + jobId + "/rejections?size=200").with(orgUser(YUNXI, "union-staff"))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalItems").value(200))
                .andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> items = JsonPath.read(page, "$.items");
        assertThat(items).hasSize(200);
        for (Map<String, Object> item : items) {
            RosterGenerator.Defect planted = roster.defects().get((Integer) item.get("row"));
            assertThat(planted).as("row %s", item.get("row")).isNotNull();
            assertThat(item.get("reason")).as("row %s", item.get("row")).isEqualTo(planted.reason());
            assertThat(item.get("field")).isEqualTo(planted.field());
            assertThat((String) item.get("message")).isNotBlank();
        }
        Map<String, Object> duplicate = items.stream().filter(i -> "DUPLICATE_IN_FILE".equals(i.get("reason")))
                .findFirst().orElseThrow();
        assertThat(duplicate.get("sameAsRow")).isEqualTo((Integer) duplicate.get("row") - 1);
        assertThat((String) duplicate.get("message")).contains("第" + duplicate.get("sameAsRow") + "行");
        assertThat(duplicate.get("column")).isEqualTo("公民身份号码");
        assertThat((String) items.get(0).get("value")).matches("[0-9]{4}\\*{10}[0-9X]{4}");
        assertNoIdOrPhoneIn(page);

        String firstPage = mvc.perform(get(BASE + "/" + jobId + "/rejections?page=1&size=150")
                        .with(orgUser(YUNXI, "union-staff")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(50))
                .andReturn().getResponse().getContentAsString();
        assertThat(intAt(firstPage, "$.items[0].row")).isGreaterThan(intAt(page, "$.items[149].row"));

        // the same rows as CSV, by Accept header or by the .csv address
        String csvDownload = mvc.perform(get(BASE + "/" + jobId + "/rejections").accept("text/csv")
                        .with(orgUser(YUNXI, "union-staff")).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csvDownload).startsWith("\uFEFFrow,reason,field,column,value,sameAsRow,message");
        assertThat(csvDownload.split("\r\n")).hasSize(201);
        assertNoIdOrPhoneIn(csvDownload);
        assertThat(mvc.perform(get(BASE + "/" + jobId + "/rejections.csv").with(orgUser(SHIYAN, "union-admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("ORG_OUT_OF_SCOPE");

        // good rows are members of Yunxi now; the job keeps no personal data and no longer the file
        RosterGenerator.Person good = roster.people().get(0);
        Document member = register.register().memberWithIdNumber(good.idNumber());
        assertThat(member.getString("orgId")).isEqualTo(yunxi.id());
        assertThat(member.getString("enrolmentBatchId")).isEqualTo(jobId);
        assertNoIdOrPhoneIn(mongo.findById(jobId, Document.class, "enrolment_jobs").toJson());
        assertNoIdOrPhoneIn(String.valueOf(mongo.find(Query.query(where("jobId").is(jobId)), Document.class,
                "enrolment_rejections")));
        assertThat(mongo.count(Query.query(where("jobId").is(jobId)), "enrolment_uploads")).isZero();

        // exactly one completion event, keyed by the job, valid against its schema
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(jobId, Document.class, "enrolment_jobs")
                .getList("outbox", Document.class).isEmpty());
        List<ConsumerRecord<String, String>> events = enrolmentEvents(jobId);
        assertThat(events).hasSize(1);
        ConsumerRecord<String, String> event = events.get(0);
        assertThat(ceHeader(event, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.COLLECTIVE_ENROLMENT_COMPLETED.type());
        assertThat(ceHeader(event, CloudEventHeaders.SUBJECT)).isEqualTo(jobId);
        assertThat(ceHeader(event, CloudEventHeaders.ORG_PATH)).isEqualTo(YUNXI);
        EventSchemaAssertions.assertConformsToSchema(ceHeader(event, CloudEventHeaders.TYPE), event.value());
        assertThat(intAt(event.value(), "$.rows")).isEqualTo(10_000);
        assertThat(intAt(event.value(), "$.activated")).isEqualTo(9_800);
        assertThat(intAt(event.value(), "$.rejected")).isEqualTo(200);
        assertThat((String) JsonPath.read(event.value(), "$.joinChannel")).isEqualTo("COLLECTIVE_REGISTRATION");
        assertNoIdOrPhoneIn(event.value());

        // uploading the same roster again is the same job, and changes nothing
        long members = register.register().count();
        upload(csv, "郧西县骑手名册(1).csv", CSV, yunxi.id(), YUNXI, "union-admin")
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", BASE + "/" + jobId))
                .andExpect(jsonPath("$.id").value(jobId))
                .andExpect(jsonPath("$.activated").value(9_800));
        assertThat(register.register().count()).isEqualTo(members);
        assertThat(enrolmentEvents(jobId)).hasSize(1);
    }

    @Test
    void aNewRosterOfPeopleAlreadyEnrolledMovesNobodyAndReportsThemAsAlreadyMembers() throws Exception {
        GeneratedRoster roster = new GeneratedRoster(PEOPLE.people(300));
        String first = submit(roster.csv(), "first.csv", CSV);
        awaitStatus(first, "COMPLETED");

        // different bytes (English headers), another org: a different job over the same people
        String body = upload(roster.csv(StandardCharsets.UTF_8, false, GeneratedRoster.ENGLISH_HEADERS), "again.csv",
                CSV, yunxiLogistics.id(), YUNXI, "union-staff")
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        String second = JsonPath.read(body, "$.id");
        String done = awaitStatus(second, "COMPLETED");

        assertThat(intAt(done, "$.activated")).isZero();
        assertThat(intAt(done, "$.alreadyMembers")).isEqualTo(300);
        assertThat(register.register().memberWithIdNumber(roster.people().get(7).idNumber()).getString("orgId"))
                .isEqualTo(yunxi.id());
    }

    @Test
    void anXlsxRosterWithChineseHeadersImports() throws Exception {
        GeneratedRoster roster = PEOPLE.roster(1_000, 100, null);

        String id = submit(roster.xlsx(GeneratedRoster.CHINESE_HEADERS), "名册.xlsx", XLSX);
        String done = awaitStatus(id, "COMPLETED");

        assertThat((String) JsonPath.read(done, "$.file.format")).isEqualTo("XLSX");
        assertThat(intAt(done, "$.rowsTotal")).isEqualTo(1_000);
        assertThat(intAt(done, "$.activated")).isEqualTo(990);
        assertThat(intAt(done, "$.rejected")).isEqualTo(10);
        assertThat(register.register().memberWithIdNumber(roster.people().get(999).idNumber())).isNotNull();
    }

    @Test
    void aGbkCsvFromChineseExcelImportsWithItsChineseIntact() throws Exception {
        List<RosterGenerator.Person> people = new ArrayList<>(PEOPLE.people(1_000));
        people.set(10, people.get(10).withGroupTags("星际旅行者"));
        GeneratedRoster roster = new GeneratedRoster(people);

        String id = submit(roster.csv(Charset.forName("GBK"), false, GeneratedRoster.CHINESE_HEADERS), "gbk.csv", CSV);
        String done = awaitStatus(id, "COMPLETED");

        assertThat((String) JsonPath.read(done, "$.file.encoding")).isEqualTo("GB18030");
        assertThat(intAt(done, "$.activated")).isEqualTo(999);
        mvc.perform(get(BASE + "/" + id + "/rejections").with(orgUser(YUNXI, "union-staff")))
                .andExpect(jsonPath("$.items[0].row").value(12))
                .andExpect(jsonPath("$.items[0].reason").value("UNKNOWN_GROUP_TAG"))
                .andExpect(jsonPath("$.items[0].column").value("群体标签"))
                .andExpect(jsonPath("$.items[0].value").value("星际旅行者"));
    }

    @Test
    void twoJobsEnrollingTheSamePeopleAtOnceMakeEachPersonAMemberOnce() throws Exception {
        List<RosterGenerator.Person> shared = PEOPLE.people(400);
        List<RosterGenerator.Person> a = new ArrayList<>(shared);
        a.addAll(PEOPLE.people(100));
        List<RosterGenerator.Person> b = new ArrayList<>(PEOPLE.people(100));
        b.addAll(shared);

        String jobA = submit(new GeneratedRoster(a).csv(), "a.csv", CSV);
        String jobB = JsonPath.read(upload(new GeneratedRoster(b).csv(), "b.csv", CSV, zhushan.id(), ZHUSHAN,
                "union-staff").andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString(), "$.id");
        String doneA = awaitStatus(jobA, "COMPLETED");
        String doneB = mvc.perform(get(BASE + "/" + jobB).with(orgUser(ZHUSHAN, "union-staff")))
                .andReturn().getResponse().getContentAsString();
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(JsonPath.read(
                mvc.perform(get(BASE + "/" + jobB).with(orgUser(ZHUSHAN, "union-staff")))
                        .andReturn().getResponse().getContentAsString(), "$.status")));
        doneB = mvc.perform(get(BASE + "/" + jobB).with(orgUser(ZHUSHAN, "union-staff")))
                .andReturn().getResponse().getContentAsString();

        assertThat(intAt(doneA, "$.activated") + intAt(doneB, "$.activated")).isEqualTo(600);
        assertThat(intAt(doneA, "$.alreadyMembers") + intAt(doneB, "$.alreadyMembers")).isEqualTo(400);
        for (RosterGenerator.Person person : shared) {
            assertThat(register.register().memberWithIdNumber(person.idNumber())).isNotNull();
        }
    }

    @Test
    void onlyStaffWithinTheSubtreeMayImportOrSeeJobs() throws Exception {
        byte[] csv = new GeneratedRoster(PEOPLE.people(5)).csv();
        upload(csv, "x.csv", CSV, yunxi.id(), ZHUSHAN, "union-staff").andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        upload(csv, "x.csv", CSV, yunxi.id(), YUNXI, "member").andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        String id = submit(csv, "x.csv", CSV);
        mvc.perform(get(BASE + "/" + id).with(orgUser(ZHUSHAN, "union-staff"))).andExpect(status().isNotFound());
        mvc.perform(get(BASE + "/" + id + "/rejections").with(orgUser(ZHUSHAN, "union-staff")))
                .andExpect(status().isNotFound());
        mvc.perform(get(BASE + "/" + id).with(orgUser(YUNXI, "member"))).andExpect(status().isForbidden());
        mvc.perform(get(BASE + "/" + id).with(orgUser(SHIYAN, "union-admin"))).andExpect(status().isOk());
        mvc.perform(get(BASE + "/" + id)).andExpect(status().isUnauthorized());

        String mine = mvc.perform(get(BASE + "?size=200").with(orgUser(SHIYAN, "union-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(mine, "$.items[*].id")).contains(id);
        String theirs = mvc.perform(get(BASE + "?size=200").with(orgUser(ZHUSHAN, "union-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(theirs, "$.items[*].orgPath")).allMatch(p -> p.startsWith(ZHUSHAN));
        mvc.perform(get(BASE + "?size=201").with(orgUser(YUNXI, "union-staff"))).andExpect(status().isBadRequest());
    }

    private List<ConsumerRecord<String, String>> enrolmentEvents(String key) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "enrolment-test-" + UUID.randomUUID(), false);
        props.put("auto.offset.reset", "earliest");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                new StringDeserializer()).createConsumer()) {
            // the service's topic declaration may have added partitions to the embedded broker's topic
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.MEMBERSHIP_ENROLMENT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
            });
        }
        return found;
    }

    private static String ceHeader(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static void assertNoIdOrPhoneIn(String text) {
        assertThat(ID_NUMBER.matcher(text).find()).as("an ID number in clear").isFalse();
        assertThat(MOBILE.matcher(text).find()).as("a mobile number in clear").isFalse();
    }
}
