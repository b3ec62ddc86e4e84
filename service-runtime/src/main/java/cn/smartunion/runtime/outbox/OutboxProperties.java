package cn.smartunion.runtime.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code smartunion.outbox.*}: which collections hold aggregates with outboxes, and how the relay polls them. */
@ConfigurationProperties("smartunion.outbox")
public class OutboxProperties {

    /** Collections whose documents carry an {@code outbox} array. The relay runs only when this is not empty. */
    private List<String> collections = new ArrayList<>();
    private Duration pollInterval = Duration.ofMillis(200);
    /** Aggregates handled per collection and pass. */
    private int batchSize = 100;
    private Duration sendTimeout = Duration.ofSeconds(10);

    public List<String> getCollections() {
        return collections;
    }

    public void setCollections(List<String> collections) {
        this.collections = collections;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public Duration getSendTimeout() {
        return sendTimeout;
    }

    public void setSendTimeout(Duration sendTimeout) {
        this.sendTimeout = sendTimeout;
    }
}
