package cn.smartunion.membership.member.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Transfer settings ({@code smartunion.membership.transfers.*}).
 *
 * @param expireAfter          how long a destination union has to decide before the transfer expires (and its view
 *                             of the member ends); fixed per transfer when it is requested
 * @param expirySweepInterval  how often each replica looks for transfers past their deadline
 * @param expirySweepBatchSize how many due transfers one look reads at a time
 */
@ConfigurationProperties("smartunion.membership.transfers")
public record TransferSettings(@DefaultValue("30d") Duration expireAfter,
                               @DefaultValue("5m") Duration expirySweepInterval,
                               @DefaultValue("200") int expirySweepBatchSize) {

    public TransferSettings {
        if (expireAfter == null || expireAfter.compareTo(Duration.ofMinutes(1)) < 0
                || expireAfter.compareTo(Duration.ofDays(366)) > 0) {
            throw new IllegalArgumentException(
                    "smartunion.membership.transfers.expire-after must be between 1 minute and 366 days");
        }
        if (expirySweepInterval == null || expirySweepInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(
                    "smartunion.membership.transfers.expiry-sweep-interval must be at least 1 second");
        }
        if (expirySweepBatchSize < 1 || expirySweepBatchSize > 10_000) {
            throw new IllegalArgumentException(
                    "smartunion.membership.transfers.expiry-sweep-batch-size must be between 1 and 10000");
        }
    }
}
