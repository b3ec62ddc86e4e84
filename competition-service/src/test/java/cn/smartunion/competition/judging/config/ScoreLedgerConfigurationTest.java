package cn.smartunion.competition.judging.config;

import cn.smartunion.competition.judging.domain.LedgerChain;
import cn.smartunion.competition.judging.domain.LedgerEntry;
import cn.smartunion.runtime.personaldata.PersonalDataProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The score ledger's key: configured, or derived from the blind-index key; neither means no start. */
class ScoreLedgerConfigurationTest {

    private static final String BLIND_INDEX_KEY = "Zk3pQ8vL2mN6xT0rW4yB7cF1hJ5sD9gA3eK8uV2nM6o=";
    private static final String OTHER_BLIND_INDEX_KEY = "Qm9vN3lSdDRwWjhjSzF4RjZ2QjJoTjlqVDVzRzB3QWU=";
    private static final String LEDGER_KEY = "bGVkZ2VyLWtleS1vZi10aGlydHktdHdvLWJ5dGVzISE=";

    // no application.yml here: every case starts from no keys at all
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(ScoreLedgerConfiguration.class, PersonalDataPropertiesOnly.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PersonalDataProperties.class)
    static class PersonalDataPropertiesOnly {
    }

    @Test
    void withNeitherTheLedgerKeyNorABlindIndexKeyTheServiceDoesNotStartAndNamesBoth() {
        runner.run(context -> assertThat(context).getFailure().rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("smartunion.competition.ledger.key is not set")
                .hasMessageContaining("smartunion.personal-data.blind-index-key"));
        runner.withPropertyValues("smartunion.competition.ledger.key=", "smartunion.personal-data.blind-index-key= ")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("smartunion.competition.ledger.key is not set"));
    }

    @Test
    void withOnlyTheBlindIndexKeyTheChainUsesTheKeyDerivedFromIt() {
        runner.withPropertyValues("smartunion.personal-data.blind-index-key=" + BLIND_INDEX_KEY).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(hashOfAnEntry(context.getBean(LedgerChain.class))).isEqualTo(hashOfAnEntry(
                    new LedgerChain(ScoreLedgerConfiguration.ledgerKey(null, BLIND_INDEX_KEY))));
        });
    }

    @Test
    void aConfiguredLedgerKeyWinsOverTheDerivedOne() {
        runner.withPropertyValues("smartunion.competition.ledger.key=" + LEDGER_KEY,
                "smartunion.personal-data.blind-index-key=" + BLIND_INDEX_KEY).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(hashOfAnEntry(context.getBean(LedgerChain.class)))
                    .isEqualTo(hashOfAnEntry(new LedgerChain(Base64.getDecoder().decode(LEDGER_KEY))))
                    .isNotEqualTo(hashOfAnEntry(new LedgerChain(
                            ScoreLedgerConfiguration.ledgerKey("", BLIND_INDEX_KEY))));
        });
        runner.withPropertyValues("smartunion.competition.ledger.key=" + LEDGER_KEY)
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aMalformedOrShortKeyStopsTheStartWithoutQuotingIt() {
        runner.withPropertyValues("smartunion.competition.ledger.key=not*base64")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("smartunion.competition.ledger.key must be base64")
                        .hasMessageNotContaining("not*base64"));
        runner.withPropertyValues("smartunion.competition.ledger.key=c2hvcnQ=")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("at least 32 bytes").hasMessageNotContaining("c2hvcnQ="));
        runner.withPropertyValues("smartunion.personal-data.blind-index-key=c2hvcnQ=")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("smartunion.personal-data.blind-index-key must hold at least 32 bytes"));
    }

    @Test
    void theDerivedKeyIsDeterministicForOneBlindIndexKeyAndDiffersForAnother() {
        byte[] derived = ScoreLedgerConfiguration.ledgerKey(null, BLIND_INDEX_KEY);

        assertThat(ScoreLedgerConfiguration.ledgerKey(" ", BLIND_INDEX_KEY)).isEqualTo(derived);
        assertThat(ScoreLedgerConfiguration.ledgerKey(null, " " + BLIND_INDEX_KEY + "\n")).isEqualTo(derived);
        assertThat(derived).hasSize(32)
                .isNotEqualTo(Base64.getDecoder().decode(BLIND_INDEX_KEY))
                .isNotEqualTo(ScoreLedgerConfiguration.ledgerKey(null, OTHER_BLIND_INDEX_KEY));
        assertThatThrownBy(() -> ScoreLedgerConfiguration.ledgerKey(null, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("smartunion.personal-data.blind-index-key");
    }

    private static String hashOfAnEntry(LedgerChain chain) {
        return chain.append(null, "c-1", LedgerEntry.Kind.SCORE, "FINAL", "e-1", "FINISH", "j-1", BigDecimal.ONE,
                null, null, null, "sub", Instant.parse("2026-05-01T08:00:00Z")).hash();
    }
}
