package cn.smartunion.aid.referral;

import cn.smartunion.aid.AidSpringTest;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.rights.HardshipReferralSource;
import cn.smartunion.contracts.rights.HardshipReferred;
import cn.smartunion.runtime.events.CloudEventCodec;
import cn.smartunion.runtime.outbox.OutboxEvent;
import cn.smartunion.runtime.outbox.OutboxEvents;
import cn.smartunion.runtime.testing.TestCitizenIds;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** rights-service's hardship referrals become identified hardship cases in the referring union. */
class HardshipReferralsTest extends AidSpringTest {

    @Autowired KafkaTemplate<String, String> kafka;
    @Autowired OutboxEvents outboxEvents;

    @Test
    void aReferralFromA12351OrderIsReceivedOnceAndOpensOneIdentifiedCase() throws Exception {
        String referralId = UUID.randomUUID().toString();
        OutboxEvent referred = outboxEvents.create(EventTypes.HARDSHIP_REFERRED, referralId, YUNXI,
                new HardshipReferred(referralId, HardshipReferralSource.WORK_ORDER, "order-" + referralId, null, null,
                        YUNXI_ID, YUNXI, Instant.now()));
        kafka.send(CloudEventCodec.toRecord(referred));
        kafka.send(CloudEventCodec.toRecord(referred));
        kafka.flush();

        String referral = "/api/aid/v1/hardship-referrals/" + referralId;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get(referral).with(staff(YUNXI, "aid-officer")))
                        .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IDENTIFIED"))
                        .andExpect(jsonPath("$.source").value("WORK_ORDER")));
        mvc.perform(get(referral).with(staff(ZHUSHAN, "aid-officer"))).andExpect(status().isNotFound());
        mvc.perform(get(referral).with(staff(SHIYAN, "aid-approver"))).andExpect(status().isOk());

        String programme = programme("HARDSHIP", "CASE_FILE", "YEAR", false, "{\"audience\":\"ANY_WORKER\"}");
        String open = """
                {"programmeCode":"%s","cycle":"2026","head":{"citizenIdNumber":"%s","legalName":"李四"}}"""
                .formatted(programme, TestCitizenIds.adult());
        String body = mvc.perform(post(referral + "/case").with(staff(YUNXI, "aid-officer"))
                        .contentType(MediaType.APPLICATION_JSON).content(open))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String caseId = JsonPath.read(body, "$.caseId");
        mvc.perform(get("/api/aid/v1/hardship-cases/" + caseId).with(staff(YUNXI, "aid-officer")))
                .andExpect(jsonPath("$.status").value("IDENTIFIED"))
                .andExpect(jsonPath("$.identifiedBy").value("HOTLINE_12351"));
        mvc.perform(get(referral).with(staff(YUNXI, "aid-officer")))
                .andExpect(jsonPath("$.status").value("CASE_OPENED")).andExpect(jsonPath("$.caseId").value(caseId));
        mvc.perform(post(referral + "/case").with(staff(YUNXI, "aid-officer"))
                        .contentType(MediaType.APPLICATION_JSON).content(open))
                .andExpect(status().isConflict());
        // delivered twice, applied once
        assertThat(mongo.findById(referralId, org.bson.Document.class, "hardship_referrals")
                .getList("appliedEvents", String.class)).containsExactly(referred.eventId());
    }
}
