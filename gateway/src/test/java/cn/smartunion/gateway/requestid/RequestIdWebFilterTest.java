package cn.smartunion.gateway.requestid;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdWebFilterTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @ParameterizedTest
    @ValueSource(strings = { "3f2b8c1e-6a4d-4f7e-9b2a-1c5d7e9f0a3b", "portal-7f3a.42", "mobile:ios:17" })
    void keepsAnIdThatIsASafeToken(String offered) {
        assertThat(RequestIdWebFilter.acceptOrGenerate(offered)).isEqualTo(offered);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "has space", "-leading-dash", "semi;colon", "new\nline", "quote\"", "中文", "short" })
    void generatesAnIdInsteadOfAnUnsafeOne(String offered) {
        assertThat(RequestIdWebFilter.acceptOrGenerate(offered)).matches(UUID_PATTERN);
    }

    @ParameterizedTest
    @ValueSource(ints = { 64, 65 })
    void acceptsAtMost64CharactersLikeTheServices(int length) {
        String offered = "a".repeat(length);

        boolean kept = RequestIdWebFilter.acceptOrGenerate(offered).equals(offered);

        assertThat(kept).isEqualTo(length <= 64);
    }
}
