package cn.smartunion.runtime.idempotency;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** Which requests the filter leaves alone without looking further. */
class IdempotencyFilterTest {

    private final IdempotencyFilter filter = new IdempotencyFilter(null,
            new IdempotencyProperties(true, Duration.ofHours(24), Duration.ofSeconds(2), Duration.ofSeconds(60),
                    DataSize.ofKilobytes(256), List.of()),
            List.of("/actuator"), UnaryOperator.identity(), null, null, new SimpleMeterRegistry());

    @Test
    void writesWithAKeyAreHandled() {
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            assertThat(filter.shouldNotFilter(request(method, "/api/aid/v1/cases", "key-12345678"))).as(method)
                .isFalse();
        }
    }

    @Test
    void readsWritesWithoutAKeyAndTheActuatorAreLeftAlone() {
        assertThat(filter.shouldNotFilter(request("GET", "/api/aid/v1/cases", "key-12345678"))).isTrue();
        assertThat(filter.shouldNotFilter(request("OPTIONS", "/api/aid/v1/cases", "key-12345678"))).isTrue();
        assertThat(filter.shouldNotFilter(request("POST", "/api/aid/v1/cases", null))).isTrue();
        assertThat(filter.shouldNotFilter(request("POST", "/actuator/loggers/root", "key-12345678"))).isTrue();
        assertThat(filter.shouldNotFilter(request("POST", "/actuator", "key-12345678"))).isTrue();
        assertThat(filter.shouldNotFilter(request("POST", "/actuatorish/x", "key-12345678"))).isFalse();
    }

    private static MockHttpServletRequest request(String method, String path, String key) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (key != null) {
            request.addHeader(IdempotencyKeyHeader.NAME, key);
        }
        return request;
    }
}
