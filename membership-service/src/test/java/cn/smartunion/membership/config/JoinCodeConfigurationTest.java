package cn.smartunion.membership.config;

import cn.smartunion.membership.joining.application.JoinLinks;
import cn.smartunion.membership.joining.domain.JoinCodeSigner;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** Join-code keys are required like the personal-data keys: no default, no start without them. */
class JoinCodeConfigurationTest {

    private static final String KEY = "Zk3pQ8vL2mN6xT0rW4yB7cF1hJ5sD9gA3eK8uV2nM6o=";

    // the module's test resources configure keys for every test; these cases start from none
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(JoinCodeConfiguration.class);

    @Test
    void withKeysAndAJoinPageTheSignerUsesTheActiveKey() {
        runner.withPropertyValues("smartunion.membership.join-code.keys.jc2026=" + KEY,
                        "smartunion.membership.join-code.active-key-id=jc2026",
                        "smartunion.membership.join-code.join-url-prefix=https://app.example-union.cn/join?code=")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(JoinCodeSigner.class).activeKeyId()).isEqualTo("jc2026");
                    assertThat(context.getBean(JoinLinks.class).linkTo("t.m"))
                            .isEqualTo("https://app.example-union.cn/join?code=t.m");
                });
    }

    @Test
    void withoutKeysTheServiceDoesNotStartAndSaysWhatToConfigure() {
        runner.withPropertyValues("smartunion.membership.join-code.join-url-prefix=https://app.example-union.cn/j?c=")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("smartunion.membership.join-code.keys"));
    }

    @Test
    void aBadKeyAnUnknownActiveKeyOrARelativeJoinPageStopTheStartWithoutQuotingKeyMaterial() {
        runner.withPropertyValues("smartunion.membership.join-code.keys.jc2026=c2hvcnQ=",
                        "smartunion.membership.join-code.active-key-id=jc2026",
                        "smartunion.membership.join-code.join-url-prefix=https://app.example-union.cn/j?c=")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("jc2026").hasMessageNotContaining("c2hvcnQ="));
        runner.withPropertyValues("smartunion.membership.join-code.keys.jc2026=" + KEY,
                        "smartunion.membership.join-code.active-key-id=jc2027",
                        "smartunion.membership.join-code.join-url-prefix=https://app.example-union.cn/j?c=")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("jc2027").hasMessageNotContaining(KEY));
        runner.withPropertyValues("smartunion.membership.join-code.keys.jc2026=" + KEY,
                        "smartunion.membership.join-code.active-key-id=jc2026",
                        "smartunion.membership.join-code.join-url-prefix=/join?code=")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("join-url-prefix"));
    }
}
