package cn.smartunion.membership.member;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in member tests: real time, moved forward on demand (e.g. past a transfer's deadline)
 * instead of sleeping. {@link MemberServiceTestSupport} puts it back after every test.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), ahead.get());
    }

    /** From now on the application lives {@code duration} later. */
    public void advance(Duration duration) {
        ahead.accumulateAndGet(duration, Duration::plus);
    }

    public void reset() {
        ahead.set(Duration.ZERO);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        TestClock testClock() {
            return new TestClock();
        }
    }
}
