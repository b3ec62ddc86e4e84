package cn.smartunion.rights.bargaining;

import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.Topics;
import cn.smartunion.rights.RightsSpringTest;
import cn.smartunion.rights.bargaining.application.ContractTermSweep;
import cn.smartunion.runtime.testing.TestCreditCodes;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static cn.smartunion.contracts.EventSchemaAssertions.assertConformsToSchema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@Import(MutableTestClock.Config.class)
class CollectiveContractApiTest extends RightsSpringTest {

    private static final String BASE = "/api/rights/v1/collective-contracts";
    private static final String AGENT = "rights-agent";

    @Autowired MutableTestClock clock;
    @Autowired ContractTermSweep sweep;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aRegionalContractRunsFromOfferToExpiryAndRenewalWithSchemaValidPseudonymousEvents() throws Exception {
        Consumer<String, String> events = consumer(Topics.RIGHTS_BARGAINING);
        String unitA = unique("十堰市某汽配厂"), unitB = unique("十堰市某物流公司");
        String codeA = TestCreditCodes.valid(), codeB = TestCreditCodes.valid();
        clock.setDay(LocalDate.of(2026, 3, 1));

        String id = offer("REGIONAL", units(codeA, unitA, codeB, unitB), 850, "2026-SPRING-OFFER")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OFFER_ISSUED"))
                .andExpect(jsonPath("$.unitsCovered").value(2))
                .andReturn().getResponse().getContentAsString();
        id = JsonPath.read(id, "$.id");

        step(id, "negotiation", "{}").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("NEGOTIATING"));
        step(id, "congress-approval", "{\"approvedOn\":\"2026-03-20\",\"votesFor\":61,\"votesTotal\":120}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CONGRESS_APPROVED"));
        step(id, "signature", """
                {"signedOn":"2026-03-25","effectiveFrom":"2026-04-01","effectiveTo":"2029-03-31"}""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SIGNED"));
        step(id, "filing", "{\"filedOn\":\"2026-03-28\",\"filingReference\":\"十人社集备〔2026〕12号\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("FILED"));

        // not yet in force before its first day
        clock.setDay(LocalDate.of(2026, 3, 31));
        sweep.sweep();
        mvc.perform(get(BASE + "/{id}", id).with(staff(YUNXI, "analyst")))
                .andExpect(jsonPath("$.status").value("FILED"));
        String before = mvc.perform(get(BASE + "/coverage").with(staff(SHIYAN, "analyst")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        clock.setDay(LocalDate.of(2026, 4, 1));
        sweep.sweep();
        mvc.perform(get(BASE + "/{id}", id).with(staff(YUNXI, "analyst")))
                .andExpect(jsonPath("$.status").value("IN_FORCE"))
                .andExpect(jsonPath("$.units[0].creditCode").value(codeA));
        String after = mvc.perform(get(BASE + "/coverage").with(staff(SHIYAN, "analyst")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(((Number) JsonPath.read(after, "$.unitsCovered")).longValue()
                - ((Number) JsonPath.read(before, "$.unitsCovered")).longValue()).isEqualTo(2);
        assertThat(((Number) JsonPath.read(after, "$.workersCovered")).longValue()
                - ((Number) JsonPath.read(before, "$.workersCovered")).longValue()).isEqualTo(850);
        mvc.perform(get(BASE + "/coverage").with(staff(ZHUSHAN, "analyst")))
                .andExpect(status().isOk());

        // past its last day: two sweeps (two replicas, or a retry) expire it once
        clock.setDay(LocalDate.of(2029, 4, 1));
        sweep.sweep();
        sweep.sweep();
        mvc.perform(get(BASE + "/{id}", id).with(staff(YUNXI, "analyst")))
                .andExpect(jsonPath("$.status").value("EXPIRED"));

        String renewal = JsonPath.read(offer("REGIONAL", units(codeA, unitA, codeB, unitB), 900, null)
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        step(id, "renewal", "{\"renewalContractId\":\"" + renewal + "\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RENEWED"))
                .andExpect(jsonPath("$.renewalContractId").value(renewal));
        step(id, "renewal", "{\"renewalContractId\":\"" + renewal + "\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.status").value("RENEWED"));

        String contractId = id;
        List<ConsumerRecord<String, String>> records = awaitRecords(events, r -> contractId.equals(r.key()), 4);
        assertNothingMoreFor(events, contractId, records);
        assertThat(records).extracting(r -> ceHeader(r, "ce_type")).containsExactly(
                EventTypes.BARGAINING_OFFER_ISSUED.type(), EventTypes.COLLECTIVE_CONTRACT_SIGNED.type(),
                EventTypes.COLLECTIVE_CONTRACT_EXPIRED.type(), EventTypes.COLLECTIVE_CONTRACT_RENEWED.type());
        for (ConsumerRecord<String, String> record : records) {
            assertConformsToSchema(ceHeader(record, "ce_type"), record.value());
            assertThat(record.value()).doesNotContain(codeA, codeB, unitA, unitB);
        }
        assertThat((String) JsonPath.read(records.get(0).value(), "$.offerCampaign")).isEqualTo("2026-SPRING-OFFER");
        assertThat((Integer) JsonPath.read(records.get(1).value(), "$.unitsCovered")).isEqualTo(2);
        assertThat((String) JsonPath.read(records.get(1).value(), "$.congressApprovedOn")).isEqualTo("2026-03-20");
        assertThat((String) JsonPath.read(records.get(2).value(), "$.expiredOn")).isEqualTo("2029-04-01");
        assertThat((String) JsonPath.read(records.get(3).value(), "$.renewalContractId")).isEqualTo(renewal);
        events.close();
    }

    /** After the four wanted records, nothing more arrives for the contract (a second expiry would). */
    private static void assertNothingMoreFor(Consumer<String, String> events, String id, List<ConsumerRecord<String, String>> found) {
        List<ConsumerRecord<String, String>> more = new ArrayList<>();
        long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < until) {
            events.poll(Duration.ofMillis(200)).forEach(r -> {
                if (id.equals(r.key())) {
                    more.add(r);
                }
            });
        }
        assertThat(found).hasSize(4);
        assertThat(more).isEmpty();
    }

    @Test
    void theCongressMustApproveByMoreThanHalfOfTheVotes() throws Exception {
        String id = negotiating();
        step(id, "congress-approval", "{\"approvedOn\":\"2026-05-20\",\"votesFor\":50,\"votesTotal\":100}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("votesFor"));
        step(id, "congress-approval", "{\"approvedOn\":\"2026-05-20\",\"votesFor\":101,\"votesTotal\":100}")
                .andExpect(status().isBadRequest());
        mvc.perform(get(BASE + "/{id}", id).with(staff(YUNXI, AGENT)))
                .andExpect(jsonPath("$.status").value("NEGOTIATING"));
        step(id, "congress-approval", "{\"approvedOn\":\"2026-05-20\",\"votesFor\":51,\"votesTotal\":100}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CONGRESS_APPROVED"));
    }

    @Test
    void aTermLongerThanThreeYearsIsRefused() throws Exception {
        String id = negotiating();
        step(id, "congress-approval", "{\"approvedOn\":\"2026-05-20\",\"votesFor\":9,\"votesTotal\":10}")
                .andExpect(status().isOk());
        step(id, "signature", """
                {"signedOn":"2026-05-21","effectiveFrom":"2026-06-01","effectiveTo":"2029-06-01"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("effectiveTo"));
        step(id, "signature", """
                {"signedOn":"2026-05-21","effectiveFrom":"2026-06-01","effectiveTo":"2029-05-31"}""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SIGNED"));
    }

    @Test
    void stepsOutOfOrderConflictWithTheCurrentStatus() throws Exception {
        String id = JsonPath.read(offer("WAGE", units(TestCreditCodes.valid(), "某厂"), 120, null)
                .andReturn().getResponse().getContentAsString(), "$.id");
        step(id, "filing", "{\"filedOn\":\"2026-03-28\",\"filingReference\":\"X-1\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:rights-status-conflict"))
                .andExpect(jsonPath("$.status").value("OFFER_ISSUED"));
    }

    @Test
    void theUnitCountMustFitTheContractType() throws Exception {
        offer("WAGE", units(TestCreditCodes.valid(), "甲厂", TestCreditCodes.valid(), "乙厂"), 100, null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("units"));
        offer("INDUSTRY", "[]", 100, null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("units"));
        String code = TestCreditCodes.valid();
        offer("INDUSTRY", units(code, "甲厂", code, "甲厂"), 100, null).andExpect(status().isBadRequest());
        offer("INDUSTRY", units(TestCreditCodes.valid(), "甲厂", TestCreditCodes.valid(), "乙厂"), 100, null)
                .andExpect(status().isCreated());
        offer("SKILL_LEVEL_WAGE", units(TestCreditCodes.valid(), "甲厂"), 100, null).andExpect(status().isCreated());
    }

    @Test
    void anInvalidCreditCodeIsRefusedNamingTheUnit() throws Exception {
        offer("REGIONAL", units(TestCreditCodes.valid(), "甲厂", TestCreditCodes.invalid(), "乙厂"), 10,
                null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("units[1].creditCode"));
        offer("SAFETY", units("91420300ABCDEFGHIO", "甲厂"), 10, null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("units[0].creditCode"));
    }

    @Test
    void contractsAreSeenWithinTheSubtreeOnlyAndChangedByAgentsOnly() throws Exception {
        String id = negotiating();
        mvc.perform(get(BASE + "/{id}", id).with(staff(ZHUSHAN, AGENT))).andExpect(status().isNotFound());
        mvc.perform(post(BASE + "/{id}/negotiation", id).with(staff(ZHUSHAN, AGENT)))
                .andExpect(status().isNotFound());
        mvc.perform(get(BASE + "/{id}", id).with(staff(SHIYAN, "analyst"))).andExpect(status().isOk());
        mvc.perform(post(BASE + "/{id}/congress-approval", id).with(staff(SHIYAN, "analyst"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"approvedOn\":\"2026-05-20\",\"votesFor\":9,\"votesTotal\":10}"))
                .andExpect(status().isForbidden());
        mvc.perform(get(BASE).param("status", "NEGOTIATING").param("contractType", "COMPREHENSIVE")
                        .with(staff(SHIYAN, "analyst")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[?(@.id == '" + id + "')]").exists());
        mvc.perform(get(BASE).param("status", "NEGOTIATING").with(staff(ZHUSHAN, "analyst")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[?(@.id == '" + id + "')]").doesNotExist());
        mvc.perform(get(BASE).param("size", "1000").with(staff(SHIYAN, "analyst")))
                .andExpect(status().isBadRequest());
        offer(ZHUSHAN_ID, "COMPREHENSIVE", units(TestCreditCodes.valid(), "甲厂"), 10, null)
                .andExpect(status().isNotFound());
    }

    private String negotiating() throws Exception {
        String id = JsonPath.read(offer("COMPREHENSIVE", units(TestCreditCodes.valid(), unique("某公司")), 300, null)
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        step(id, "negotiation", "{}").andExpect(status().isOk());
        return id;
    }

    private ResultActions offer(String type, String units, int workers, String campaign) throws Exception {
        return offer(YUNXI_ID, type, units, workers, campaign);
    }

    private ResultActions offer(String orgId, String type, String units, int workers, String campaign)
            throws Exception {
        return mvc.perform(post(BASE).with(staff(YUNXI, AGENT)).contentType(MediaType.APPLICATION_JSON).content("""
                {"orgId":"%s","contractType":"%s","units":%s,"workersCovered":%d,%s"offeredOn":"2026-03-02"}"""
                .formatted(orgId, type, units, workers,
                        campaign == null ? "" : "\"offerCampaign\":\"" + campaign + "\",")));
    }

    private ResultActions step(String id, String step, String body) throws Exception {
        return mvc.perform(post(BASE + "/{id}/" + step, id).with(staff(YUNXI, AGENT))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static String units(String... codesAndNames) {
        List<String> units = new ArrayList<>();
        for (int i = 0; i < codesAndNames.length; i += 2) {
            units.add("{\"creditCode\":\"%s\",\"name\":\"%s\"}".formatted(codesAndNames[i], codesAndNames[i + 1]));
        }
        return "[" + String.join(",", units) + "]";
    }
}
