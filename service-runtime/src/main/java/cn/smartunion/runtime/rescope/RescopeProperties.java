package cn.smartunion.runtime.rescope;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** {@code smartunion.rescope.*}: how subtrees are re-pathed and how often unfinished ones are looked for. */
@ConfigurationProperties("smartunion.rescope")
public class RescopeProperties {

    /** Documents re-pathed per bulk write. */
    private int batchSize = 500;
    /** How often the sweeper looks for markers a crash left behind (it also looks once at start-up). */
    private Duration sweepInterval = Duration.ofMinutes(1);
    /** Markers younger than this are left to the request or listener that set them. */
    private Duration grace = Duration.ofMinutes(1);

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public Duration getSweepInterval() {
        return sweepInterval;
    }

    public void setSweepInterval(Duration sweepInterval) {
        this.sweepInterval = sweepInterval;
    }

    public Duration getGrace() {
        return grace;
    }

    public void setGrace(Duration grace) {
        this.grace = grace;
    }
}
