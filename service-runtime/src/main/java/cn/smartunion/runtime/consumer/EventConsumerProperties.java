package cn.smartunion.runtime.consumer;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** {@code smartunion.events.consumer.*}: how often a failing record is retried before it is dead-lettered. */
@ConfigurationProperties("smartunion.events.consumer")
public class EventConsumerProperties {

    /** Deliveries of a failing record in all, the first included, before it goes to {@code <topic>.DLT}. */
    private int maxAttempts = 3;
    private Duration retryInterval = Duration.ofMillis(500);

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public Duration getRetryInterval() {
        return retryInterval;
    }

    public void setRetryInterval(Duration retryInterval) {
        this.retryInterval = retryInterval;
    }
}
