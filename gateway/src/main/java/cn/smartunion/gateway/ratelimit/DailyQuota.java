package cn.smartunion.gateway.ratelimit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** At most {@code limit} requests per calendar day in the given zone. Not thread-safe: the owner synchronises. */
final class DailyQuota {

    private final long limit;
    private final ZoneId zone;
    private LocalDate day;
    private long used;

    DailyQuota(long limit, ZoneId zone) {
        this.limit = limit;
        this.zone = zone;
    }

    void roll(long now) {
        LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(now), zone);
        if (!today.equals(day)) {
            day = today;
            used = 0;
        }
    }

    boolean hasRoom() {
        return used < limit;
    }

    void take() {
        used++;
    }

    long limit() {
        return limit;
    }

    long remaining() {
        return limit - used;
    }

    /** Milliseconds until the next day starts in the quota zone. */
    long millisUntilReset(long now) {
        return day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli() - now;
    }
}
