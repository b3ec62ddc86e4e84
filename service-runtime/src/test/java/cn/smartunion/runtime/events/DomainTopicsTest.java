package cn.smartunion.runtime.events;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DomainTopicsTest {

    @Test
    void domainTopicsAreKeptForEverSoAnalystsCanReplayThemFromTheStart() {
        NewTopic topic = DomainTopics.topic("aid.case.v1", 6, 3);
        assertThat(topic.name()).isEqualTo("aid.case.v1");
        assertThat(topic.numPartitions()).isEqualTo(6);
        assertThat(topic.replicationFactor()).isEqualTo((short) 3);
        assertThat(topic.configs()).containsEntry("retention.ms", "-1").containsEntry("cleanup.policy", "delete");
    }
}
