package cn.smartunion.competition.registration.adapter.in.web;

import cn.smartunion.competition.CompetitionSpringTest;
import cn.smartunion.competition.competition.CompetitionRequests;
import cn.smartunion.contracts.Topics;
import cn.smartunion.runtime.testing.TestCitizenIds;
import cn.smartunion.runtime.testing.TestCreditCodes;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.smartunion.contracts.EventSchemaAssertions.assertConformsToSchema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class RegistrationApiTest extends CompetitionSpringTest {

    private static final String API = "/api/competition/v1";
    private static final String NAME = "王建国";
    private static final String MEMBERS_ONLY = "{\"membersOnly\":true}";

    private final RequestPostProcessor cityOrganiser = staff(SHIYAN, "competition-organiser");
    private final RequestPostProcessor yunxiAdmin = staff(YUNXI, "union-admin");

    @Test
    void aMemberRegistersThemselvesAndAUnionAdminRegistersATeamOfFiveOnTheirBehalf() throws Exception {
        Consumer<String, String> events = consumer(Topics.COMPETITION_ENTRY);
        String competition = published(MEMBERS_ONLY);
        String employer = TestCreditCodes.valid();
        String memberId = member(YUNXI, employer);
        String subject = unique("worker");
        linkAccount(memberId, subject);
        String idNumber = TestCitizenIds.adult();
        RequestPostProcessor worker = worker(subject, YUNXI);

        String self = selfRegister(competition, worker, idNumber, "WELDER", unique("self-key"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.participants[0].memberId").value(memberId))
                .andExpect(jsonPath("$.participants[0].orgId").value(YUNXI_ID))
                .andExpect(jsonPath("$.participants[0].employerCreditCode").value(employer))
                .andExpect(jsonPath("$.participants[0].maskedName").value("王*国"))
                .andExpect(jsonPath("$.registeredBy.kind").value("SELF"))
                .andExpect(jsonPath("$.orgPath").value(YUNXI))
                .andExpect(jsonPath("$.stages[0]").value("PRELIMINARY"))
                .andReturn().getResponse().getContentAsString();
        String selfEntry = JsonPath.read(self, "$.id");
        assertThat(self).doesNotContain(NAME, idNumber);
        mvc.perform(get(API + "/me/entries").with(worker)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", hasItem(selfEntry)));

        List<String> team = new ArrayList<>();
        List<String> teamIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            team.add(member(YUNXI, employer));
            teamIds.add(TestCitizenIds.adult());
        }
        String teamEntry = JsonPath.read(register(competition, yunxiAdmin, teamBody("ELECTRICIAN", teamIds, team))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.entrantType").value("TEAM"))
                .andExpect(jsonPath("$.registeredBy.kind").value("UNION_ADMIN"))
                .andExpect(jsonPath("$.registeredBy.orgPath").value(YUNXI))
                .andExpect(jsonPath("$.participants.length()").value(5))
                .andExpect(jsonPath("$.participants[0].captain").value(true))
                .andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(get(API + "/competitions/" + competition + "/entries").param("entrantType", "TEAM")
                        .with(cityOrganiser))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].id").value(teamEntry))
                .andExpect(jsonPath("$.totalItems").value(1));
        mvc.perform(get(API + "/entries/" + teamEntry).with(staff(SHIYAN, "judge"))).andExpect(status().isOk());

        Document raw = mongo.findById(teamEntry, Document.class, "entries");
        assertThat(raw.getString("competitionId")).isEqualTo(competition);
        assertThat(raw.getList("participants", Document.class).get(0).getString("personId")).isNotBlank();
        for (Document stored : mongo.find(new Query(where("competitionId").is(competition)), Document.class,
                "entries")) {
            assertThat(stored.toJson()).doesNotContain(NAME, idNumber, teamIds.get(0), teamIds.get(4));
        }

        Set<String> ours = Set.of(selfEntry, teamEntry);
        List<ConsumerRecord<String, String>> registered = awaitRecords(events, r -> ours.contains(r.key()), 2);
        for (ConsumerRecord<String, String> r : registered) {
            assertThat(ceHeader(r, "ce_type")).isEqualTo("cn.smartunion.competition.entry.registered.v1");
            assertConformsToSchema(ceHeader(r, "ce_type"), r.value());
            assertThat(r.value()).doesNotContain(NAME, idNumber, teamIds.get(2));
        }
        ConsumerRecord<String, String> teamEvent = registered.stream().filter(r -> r.key().equals(teamEntry))
                .findFirst().orElseThrow();
        assertThat(JsonPath.<Integer>read(teamEvent.value(), "$.participantCount")).isEqualTo(5);
        assertThat(JsonPath.<String>read(teamEvent.value(), "$.registeredBy")).isEqualTo("UNION_ADMIN");
        assertThat(JsonPath.<String>read(teamEvent.value(), "$.competitionOrgPath")).isEqualTo(SHIYAN);
        events.close();
    }

    @Test
    void retriesWithTheSameKeyGiveTheSameEntryAndASecondPlaceForThePersonIsRefused() throws Exception {
        String competition = published("{}");
        String subject = unique("worker");
        RequestPostProcessor worker = worker(subject, YUNXI);
        String idNumber = TestCitizenIds.adult();
        String key = unique("entry-key");
        String first = selfRegister(competition, worker, idNumber, "WELDER", key).andExpect(status().isCreated())
                .andExpect(jsonPath("$.participants[0].memberId").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        String again = selfRegister(competition, worker, idNumber, "WELDER", key).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(again, "$.id")).isEqualTo(JsonPath.<String>read(first, "$.id"));
        selfRegister(competition, worker, idNumber, "WELDER", null).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reason").value("ALREADY_REGISTERED"));
        selfRegister(competition, worker, idNumber, "ELECTRICIAN", null).andExpect(status().isCreated());
    }

    @Test
    void twoRacingRegistrationsOfOnePersonLeaveOneEntry() throws Exception {
        String competition = published("{}");
        String idNumber = TestCitizenIds.adult();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            attempts.add(() -> register(competition, staff(YUNXI, "union-admin"),
                    individualBody("WELDER", idNumber, null)).andReturn().getResponse().getStatus());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(attempts)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(201, 422).filteredOn(s -> s == 201).hasSize(1);
        assertThat(mongo.count(new Query(where("competitionId").is(competition)), "entries")).isEqualTo(1);
    }

    @Test
    void nonMembersAreRefusedWhereMembersOnlyAndAcceptedWhereOpen() throws Exception {
        String membersOnly = published(MEMBERS_ONLY);
        String open = published("{}");
        RequestPostProcessor unlinked = worker(unique("worker"), YUNXI);
        selfRegister(membersOnly, unlinked, TestCitizenIds.adult(), "WELDER", null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:not-eligible"))
                .andExpect(jsonPath("$.reason").value("NOT_A_MEMBER"));
        String terminated = member(YUNXI, null);
        terminate(terminated);
        register(membersOnly, yunxiAdmin, individualBody("WELDER", TestCitizenIds.adult(), terminated))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.reason").value("NOT_A_MEMBER"))
                .andExpect(jsonPath("$.participant").value(0));
        register(membersOnly, yunxiAdmin, individualBody("WELDER", TestCitizenIds.adult(), null))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.reason").value("NOT_A_MEMBER"));

        selfRegister(open, unlinked, TestCitizenIds.adult(), "WELDER", null).andExpect(status().isCreated())
                .andExpect(jsonPath("$.orgId").value(YUNXI_ID));
        register(open, yunxiAdmin, individualBody("WELDER", TestCitizenIds.adult(), terminated))
                .andExpect(status().isCreated());
    }

    @Test
    void ageAndWorkerGroupRules() throws Exception {
        String competition = published("{\"membersOnly\":true,\"groupTags\":[\"MIGRANT_WORKER\"],\"minAge\":18,"
                + "\"maxAge\":40}");
        String migrant = member(YUNXI, null, "MIGRANT_WORKER");
        String courier = member(YUNXI, null, "COURIER");
        register(competition, yunxiAdmin, individualBody("WELDER", TestCitizenIds.adult(), courier))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reason").value("GROUP_NOT_ELIGIBLE"));
        register(competition, yunxiAdmin, individualBody("WELDER",
                TestCitizenIds.bornOn(LocalDate.now().minusYears(50)), migrant))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reason").value("AGE_OUT_OF_RANGE"));
        register(competition, yunxiAdmin, individualBody("WELDER", TestCitizenIds.minor(), migrant))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reason").value("AGE_OUT_OF_RANGE"));
        register(competition, yunxiAdmin, individualBody("PLUMBER", TestCitizenIds.adult(), migrant))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reason").value("TRADE_NOT_CONTESTED"));
        register(competition, yunxiAdmin, individualBody("WELDER",
                TestCitizenIds.bornOn(LocalDate.now().minusYears(30)), migrant)).andExpect(status().isCreated());
    }

    @Test
    void registrationOutsideTheWindowIsAConflict() throws Exception {
        String closed = CompetitionRequests.published(mvc, cityOrganiser, CompetitionRequests.body(SHIYAN_ID,
                "SKILLS", "CITY", "[\"WELDER\"]", "[\"INDIVIDUAL\"]", "{}", false));
        register(closed, yunxiAdmin, individualBody("WELDER", TestCitizenIds.adult(), null))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:competition-status-conflict"))
                .andExpect(jsonPath("$.status").value("REGISTRATION_CLOSED"));
    }

    @Test
    void scopeASiblingCountySeesNothingAndCannotRegisterAnotherCountysMember() throws Exception {
        String competition = published("{}");
        String entry = JsonPath.read(register(competition, yunxiAdmin,
                individualBody("WELDER", TestCitizenIds.adult(), member(YUNXI, null))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");
        RequestPostProcessor zhushanAdmin = staff(ZHUSHAN, "union-admin");
        mvc.perform(get(API + "/entries/" + entry).with(zhushanAdmin)).andExpect(status().isNotFound());
        mvc.perform(post(API + "/entries/" + entry + "/withdrawal").with(zhushanAdmin))
                .andExpect(status().isNotFound());
        mvc.perform(get(API + "/entries/" + entry).with(worker(unique("worker"), YUNXI)))
                .andExpect(status().isNotFound());
        mvc.perform(get(API + "/entries/" + entry).with(staff(SHIYAN, "analyst"))).andExpect(status().isOk());
        register(competition, zhushanAdmin, individualBody("WELDER", TestCitizenIds.adult(), member(YUNXI, null)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reason").value("MEMBER_OUTSIDE_REGISTRAR_SCOPE"));
        register(competition, staff(YUNXI, "analyst"), individualBody("WELDER", TestCitizenIds.adult(), null))
                .andExpect(status().isForbidden());
        mvc.perform(get(API + "/competitions/" + competition + "/entries").with(yunxiAdmin))
                .andExpect(status().isForbidden());
    }

    @Test
    void withdrawalDisqualificationAndRosterChangeAreFinalAndAnnounced() throws Exception {
        Consumer<String, String> events = consumer(Topics.COMPETITION_ENTRY);
        String competition = published("{}");
        String subject = unique("worker");
        RequestPostProcessor worker = worker(subject, YUNXI);
        String idNumber = TestCitizenIds.adult();
        String own = JsonPath.read(selfRegister(competition, worker, idNumber, "WELDER", null)
                .andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(post(API + "/entries/" + own + "/withdrawal").with(worker)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WITHDRAWN"))
                .andExpect(jsonPath("$.ending.withdrawnBy").value("SELF"));
        mvc.perform(post(API + "/entries/" + own + "/withdrawal").with(worker)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value("WITHDRAWN"));
        String again = JsonPath.read(selfRegister(competition, worker, idNumber, "WELDER", null)
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");

        mvc.perform(post(API + "/entries/" + again + "/disqualification").with(yunxiAdmin)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"MISCONDUCT\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post(API + "/entries/" + again + "/disqualification").with(cityOrganiser)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"CHEATING\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("reason"));
        mvc.perform(post(API + "/entries/" + again + "/disqualification").with(cityOrganiser)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"FALSIFIED_ELIGIBILITY\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DISQUALIFIED"));
        selfRegister(competition, worker, idNumber, "WELDER", null).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reason").value("ALREADY_REGISTERED"));

        List<String> ids = List.of(TestCitizenIds.adult(), TestCitizenIds.adult(), TestCitizenIds.adult());
        List<String> noMembers = new ArrayList<>(java.util.Collections.nCopies(3, (String) null));
        String team = JsonPath.read(register(competition, yunxiAdmin, teamBody("WELDER", ids, noMembers))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(put(API + "/entries/" + team + "/participants/1").with(yunxiAdmin)
                        .contentType(MediaType.APPLICATION_JSON).content(participant(ids.get(2), null, false)))
                .andExpect(status().isBadRequest());
        String newcomer = TestCitizenIds.adult();
        mvc.perform(put(API + "/entries/" + team + "/participants/0").with(yunxiAdmin)
                        .contentType(MediaType.APPLICATION_JSON).content(participant(newcomer, null, false)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.participants[0].captain").value(true));
        register(competition, yunxiAdmin, individualBody("WELDER", ids.get(0), null)).andExpect(status().isCreated());

        Set<String> ours = Set.of(own, again, team);
        List<String> types = new ArrayList<>();
        for (ConsumerRecord<String, String> r : awaitRecords(events, r -> ours.contains(r.key()), 6)) {
            assertConformsToSchema(ceHeader(r, "ce_type"), r.value());
            assertThat(r.value()).doesNotContain(idNumber, newcomer, NAME);
            types.add(ceHeader(r, "ce_type").replace("cn.smartunion.competition.entry.", ""));
        }
        assertThat(types).containsExactlyInAnyOrder("registered.v1", "withdrawn.v1", "registered.v1", "disqualified.v1",
                "registered.v1", "roster-changed.v1");
        events.close();
    }

    @Test
    void aHigherLevelOrganiserAdvancesEntriesOnceEach() throws Exception {
        Consumer<String, String> events = consumer(Topics.COMPETITION_ENTRY);
        String county = CompetitionRequests.published(mvc, staff(YUNXI, "competition-organiser"),
                CompetitionRequests.skills(YUNXI_ID, "COUNTY", "{}"));
        String city = published("{}");
        String source = JsonPath.read(register(county, yunxiAdmin, individualBody("WELDER", TestCitizenIds.adult(),
                null)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        String body = "{\"sourceEntryIds\":[\"" + source + "\"]}";
        String first = mvc.perform(post(API + "/competitions/" + city + "/advancements").with(cityOrganiser)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.advanced[0].created").value(true))
                .andExpect(jsonPath("$.advanced[0].entry.advancedFromEntryId").value(source))
                .andExpect(jsonPath("$.advanced[0].entry.orgPath").value(YUNXI))
                .andReturn().getResponse().getContentAsString();
        String advanced = JsonPath.read(first, "$.advanced[0].entry.id");
        mvc.perform(post(API + "/competitions/" + city + "/advancements").with(cityOrganiser)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.advanced[0].created").value(false))
                .andExpect(jsonPath("$.advanced[0].entry.id").value(advanced));
        mvc.perform(post(API + "/competitions/" + county + "/advancements").with(staff(YUNXI,
                        "competition-organiser")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sourceEntryIds\":[\"" + advanced + "\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("sourceEntryIds[0]"));

        ConsumerRecord<String, String> announced = awaitRecords(events, r -> source.equals(r.key())
                && ceHeader(r, "ce_type").endsWith("entry.advanced.v1"), 1).get(0);
        assertConformsToSchema(ceHeader(announced, "ce_type"), announced.value());
        assertThat(JsonPath.<String>read(announced.value(), "$.newEntryId")).isEqualTo(advanced);
        assertThat(JsonPath.<String>read(announced.value(), "$.toLevel")).isEqualTo("CITY");
        events.close();
    }

    @Test
    void unionStaffListTheEntriesOfTheirOwnSubtreeAcrossCompetitions() throws Exception {
        String trade = unique("T").replace('-', '_');
        String trades = "[\"" + trade + "\"]";
        String city = CompetitionRequests.published(mvc, cityOrganiser, CompetitionRequests.body(SHIYAN_ID, "SKILLS",
                "CITY", trades, "[\"INDIVIDUAL\",\"TEAM\"]", "{}", true));
        String province = CompetitionRequests.published(mvc, staff(HUBEI, "competition-organiser"),
                CompetitionRequests.body(HUBEI_ID, "SKILLS", "PROVINCIAL", trades, "[\"INDIVIDUAL\"]", "{}", true));
        String idNumber = TestCitizenIds.adult();
        String individual = entryId(register(city, yunxiAdmin, individualBody(trade, idNumber, member(YUNXI, null))));
        List<String> teamIds = List.of(TestCitizenIds.adult(), TestCitizenIds.adult(), TestCitizenIds.adult());
        String team = entryId(register(city, yunxiAdmin, teamBody(trade, teamIds,
                new ArrayList<>(java.util.Collections.nCopies(3, (String) null)))));
        String provincial = entryId(register(province, yunxiAdmin, individualBody(trade, TestCitizenIds.adult(),
                null)));
        String zhushan = entryId(register(city, staff(ZHUSHAN, "union-admin"), individualBody(trade,
                TestCitizenIds.adult(), null)));

        // the county sees what its own unions entered, in competitions it does not organise, newest first
        String page = mvc.perform(get(API + "/entries").param("trade", trade).with(staff(YUNXI, "union-admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(3))
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.contains(provincial, team,
                        individual)))
                .andExpect(jsonPath("$.items[2].participants[0].maskedName").value("王*国"))
                .andExpect(jsonPath("$.items[2].participants[0].maskedIdNumber").isNotEmpty())
                .andExpect(jsonPath("$.items[2].participants[0].personId").isNotEmpty())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain(NAME, idNumber, teamIds.get(0), teamIds.get(2));
        mvc.perform(get(API + "/entries").param("trade", trade).with(staff(YUNXI, "competition-organiser")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalItems").value(3));
        mvc.perform(get(API + "/entries").param("trade", trade).with(staff(ZHUSHAN, "union-admin")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].id").value(zhushan));
        mvc.perform(get(API + "/entries").param("trade", trade).param("size", "100").with(staff(SHIYAN, "analyst")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalItems").value(4));
        String everything = mvc.perform(get(API + "/entries").param("size", "100").with(staff(ZHUSHAN, "analyst")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(everything, "$.items[*].orgPath")).isNotEmpty()
                .allMatch(path -> path.equals(ZHUSHAN) || path.startsWith(ZHUSHAN + "/"));

        // filters and pages
        mvc.perform(get(API + "/entries").param("trade", trade).param("competitionId", city).with(yunxiAdmin))
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.contains(team, individual)));
        mvc.perform(get(API + "/entries").param("trade", trade).param("entrantType", "TEAM").with(yunxiAdmin))
                .andExpect(jsonPath("$.totalItems").value(1)).andExpect(jsonPath("$.items[0].id").value(team));
        mvc.perform(post(API + "/entries/" + individual + "/withdrawal").with(yunxiAdmin)).andExpect(status().isOk());
        mvc.perform(get(API + "/entries").param("trade", trade).param("status", "WITHDRAWN").with(yunxiAdmin))
                .andExpect(jsonPath("$.totalItems").value(1)).andExpect(jsonPath("$.items[0].id").value(individual));
        mvc.perform(get(API + "/entries").param("trade", trade).param("page", "1").param("size", "2")
                        .with(yunxiAdmin))
                .andExpect(jsonPath("$.page").value(1)).andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.totalItems").value(3))
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.contains(individual)));

        // roles and bad input
        mvc.perform(get(API + "/entries").with(staff(YUNXI, "judge"))).andExpect(status().isForbidden());
        mvc.perform(get(API + "/entries").with(worker(unique("worker"), YUNXI))).andExpect(status().isForbidden());
        mvc.perform(get(API + "/entries").param("size", "101").with(yunxiAdmin)).andExpect(status().isBadRequest());
        mvc.perform(get(API + "/entries").param("status", "CANCELLED").with(yunxiAdmin))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("status"));
        mvc.perform(get(API + "/entries").param("entrantType", "CROWD").with(yunxiAdmin))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("entrantType"));
        mvc.perform(get(API + "/entries").param("trade", "welder").with(yunxiAdmin))
                .andExpect(status().isBadRequest());
    }

    @Test
    void badInputIsABadRequestNamingTheField() throws Exception {
        String competition = published("{}");
        String six = teamBody("WELDER", List.of(TestCitizenIds.adult(), TestCitizenIds.adult(),
                TestCitizenIds.adult(), TestCitizenIds.adult(), TestCitizenIds.adult(), TestCitizenIds.adult()),
                new ArrayList<>(java.util.Collections.nCopies(6, (String) null)));
        register(competition, yunxiAdmin, six).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("participants"));
        register(competition, yunxiAdmin, individualBody("WELDER", "420322199001011234", null))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("participants[0].citizenIdNumber"));
        register(competition, yunxiAdmin, individualBody("WELDER", TestCitizenIds.adult(), null)
                .replace("\"INDIVIDUAL\"", "\"CROWD\"")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("entrantType"));
        register(competition, yunxiAdmin, "{\"entrantType\":\"INDIVIDUAL\",\"trade\":\"WELDER\","
                + "\"participants\":[{\"legalName\":\"" + NAME + "\"}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("participants[0].citizenIdNumber"));
        register(competition, yunxiAdmin, individualBody(null, TestCitizenIds.adult(), null))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("trade"));
        register(competition, yunxiAdmin, "{\"entrantType\":\"UNIT\",\"unitCreditCode\":\""
                + TestCreditCodes.invalid() + "\",\"unitName\":\"某公司\",\"participants\":[]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("entrantType"));
        selfRegister(competition, worker(unique("w"), YUNXI), "123", "WELDER", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("citizenIdNumber"));
    }

    private String published(String eligibility) throws Exception {
        return CompetitionRequests.published(mvc, cityOrganiser,
                CompetitionRequests.skills(SHIYAN_ID, "CITY", eligibility));
    }

    private ResultActions selfRegister(String competition, RequestPostProcessor worker, String idNumber, String trade,
                                       String key) throws Exception {
        var request = post(API + "/competitions/" + competition + "/entries/self").with(worker)
                .contentType(MediaType.APPLICATION_JSON).content("{\"citizenIdNumber\":\"%s\",\"legalName\":\"%s\","
                        .formatted(idNumber, NAME) + "\"trade\":\"" + trade + "\"}");
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return mvc.perform(request);
    }

    private ResultActions register(String competition, RequestPostProcessor registrar, String body) throws Exception {
        return mvc.perform(post(API + "/competitions/" + competition + "/entries").with(registrar)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static String entryId(ResultActions registered) throws Exception {
        return JsonPath.read(registered.andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString(), "$.id");
    }

    private static String participant(String idNumber, String memberId, boolean captain) {
        return "{\"citizenIdNumber\":\"%s\",\"legalName\":\"%s\",\"memberId\":%s,\"captain\":%s}".formatted(idNumber,
                NAME, memberId == null ? "null" : "\"" + memberId + "\"", captain);
    }

    private static String individualBody(String trade, String idNumber, String memberId) {
        return "{\"entrantType\":\"INDIVIDUAL\",\"trade\":%s,\"participants\":[%s]}".formatted(
                trade == null ? "null" : "\"" + trade + "\"", participant(idNumber, memberId, false));
    }

    private static String teamBody(String trade, List<String> idNumbers, List<String> memberIds) {
        List<String> people = new ArrayList<>();
        for (int i = 0; i < idNumbers.size(); i++) {
            people.add(participant(idNumbers.get(i), memberIds.get(i), i == 0));
        }
        return "{\"entrantType\":\"TEAM\",\"trade\":\"%s\",\"teamName\":\"焊接一班\",\"participants\":[%s]}"
                .formatted(trade, String.join(",", people));
    }
}
