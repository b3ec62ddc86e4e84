package cn.smartunion.rights.bargaining;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests can set to a day (noon, China time); the system clock until then and after {@link #reset()}. */
public class MutableTestClock extends Clock {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final AtomicReference<Instant> fixed = new AtomicReference<>();

    public void setDay(LocalDate day) {
        fixed.set(day.atTime(12, 0).atZone(CHINA).toInstant());
    }

    public void reset() {
        fixed.set(null);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MutableTestClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        Instant day = fixed.get();
        return day == null ? Instant.now() : day;
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        MutableTestClock mutableTestClock() {
            return new MutableTestClock();
        }
    }
}
