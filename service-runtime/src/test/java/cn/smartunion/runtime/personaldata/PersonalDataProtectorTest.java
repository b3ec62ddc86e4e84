package cn.smartunion.runtime.personaldata;

import java.util.Base64;
import java.util.Map;

import cn.smartunion.runtime.testing.TestPersonalDataKeys;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataProtectorTest {

    private static final String AES_KEY = TestPersonalDataKeys.AES_KEY_BASE64;

    private static final String OTHER_AES_KEY = TestPersonalDataKeys.OTHER_AES_KEY_BASE64;

    private static final String SM4_KEY = TestPersonalDataKeys.SM4_KEY_BASE64;

    private static final String BLIND_KEY = TestPersonalDataKeys.BLIND_INDEX_KEY_BASE64;

    private final PersonalDataProtector protector = TestPersonalDataKeys.protector();

    @Test
    void encryptsWithTheActiveKeyAndDecrypts() {
        String stored = protector.encrypt("13812345678");

        assertThat(stored).startsWith("A256GCM:test1:");
        assertThat(protector.decrypt(stored)).isEqualTo("13812345678");
        assertThat(protector.isCurrent(stored)).isTrue();
    }

    @Test
    void protectGivesCiphertextBlindIndexAndMask() {
        CitizenIdNumber id = CitizenIdNumber.parse("42032219900106123X");

        ProtectedValue value = protector.protect(id);

        assertThat(protector.decrypt(value.ciphertext())).isEqualTo(id.value());
        assertThat(value.blindIndex()).isEqualTo(protector.blindIndex("42032219900106123x"));
        assertThat(value.masked()).isEqualTo("4203**********123X");
        assertThat(value.toString()).doesNotContain(value.ciphertext()).doesNotContain("42032219900106123X");
        assertThat(protector.protect("13812345678", Masking::mobilePhone).masked()).isEqualTo("138****5678");
    }

    @Test
    void switchingToSm4KeepsAesValuesReadable() {
        String writtenUnderAes = protector.encrypt("13812345678");

        PersonalDataProtector sm4 = PersonalDataProtector.from(new PersonalDataProperties(Map.of("test1", AES_KEY),
                Map.of("gm1", SM4_KEY), "gm1", CipherAlgorithm.SM4_GCM, BLIND_KEY));

        assertThat(sm4.decrypt(writtenUnderAes)).isEqualTo("13812345678");
        assertThat(sm4.isCurrent(writtenUnderAes)).isFalse();
        String rewritten = sm4.encrypt(sm4.decrypt(writtenUnderAes));
        assertThat(rewritten).startsWith("SM4GCM:gm1:");
        assertThat(sm4.isCurrent(rewritten)).isTrue();
        assertThatThrownBy(() -> protector.decrypt(rewritten)).isInstanceOf(FieldDecryptionException.class)
            .hasMessageContaining("No SM4_GCM keys are configured");
    }

    @Nested
    class BlindIndexes {

        @Test
        void areStableAcrossCallsAndInstancesAndIgnoreCaseAndSurroundingSpace() {
            String index = protector.blindIndex("11010519491231002X");

            assertThat(index).matches("[0-9a-f]{64}");
            assertThat(TestPersonalDataKeys.protector().blindIndex(" 11010519491231002x ")).isEqualTo(index);
            assertThat(protector.blindIndex("11010519491231002X")).isEqualTo(index);
        }

        @Test
        void areKeyed() {
            BlindIndex one = new BlindIndex(Base64.getDecoder().decode(BLIND_KEY));
            BlindIndex other = new BlindIndex(Base64.getDecoder().decode(OTHER_AES_KEY));

            assertThat(one.hex("11010519491231002X")).isNotEqualTo(other.hex("11010519491231002X"));
            assertThat(one.hex("11010519491231002X")).isNotEqualTo(one.hex("440524188001010014"));
        }

        @Test
        void base64UrlIsTheSameDigest() {
            BlindIndex index = new BlindIndex(Base64.getDecoder().decode(BLIND_KEY));

            byte[] fromHex = java.util.HexFormat.of().parseHex(index.hex("13812345678"));
            assertThat(Base64.getUrlDecoder().decode(index.base64Url("13812345678"))).isEqualTo(fromHex);
            assertThat(index.base64Url("13812345678")).hasSize(43).doesNotContain("=");
        }

        @Test
        void refuseShortKeys() {
            assertThatThrownBy(() -> new BlindIndex(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Configuration {

        @Test
        void missingKeysFailWithoutAnyDefault() {
            assertConfigurationError(new PersonalDataProperties(Map.of(), Map.of(), null, null, BLIND_KEY),
                    "smartunion.personal-data.keys is empty");
        }

        @Test
        void missingActiveKeyIdFails() {
            assertConfigurationError(properties(Map.of("k1", AES_KEY), null, BLIND_KEY),
                    "smartunion.personal-data.active-key-id is not set");
        }

        @Test
        void activeKeyIdMustNameAConfiguredKey() {
            assertConfigurationError(properties(Map.of("k1", AES_KEY), "k2", BLIND_KEY),
                    "active-key-id 'k2' is not a key id in smartunion.personal-data.keys");
        }

        @Test
        void keysOfTheWrongLengthFailNamingTheProperty() {
            assertConfigurationError(properties(Map.of("k1", SM4_KEY), "k1", BLIND_KEY),
                    "smartunion.personal-data.keys.k1 must decode to 32 bytes for AES_256_GCM, but has 16");
            assertConfigurationError(new PersonalDataProperties(Map.of(), Map.of("gm1", AES_KEY), "gm1",
                    CipherAlgorithm.SM4_GCM, BLIND_KEY),
                    "smartunion.personal-data.sm4-keys.gm1 must decode to 16 bytes for SM4_GCM, but has 32");
        }

        @Test
        void keysMustBeBase64() {
            assertConfigurationError(properties(Map.of("k1", "not base64!"), "k1", BLIND_KEY),
                    "smartunion.personal-data.keys.k1 is not valid base64");
        }

        @Test
        void keyIdsMustBeSafeToStoreInTheCiphertext() {
            assertConfigurationError(properties(Map.of("k:1", AES_KEY), "k:1", BLIND_KEY), "key ids must match");
        }

        @Test
        void blindIndexKeyIsRequiredLongEnoughAndSeparate() {
            assertConfigurationError(properties(Map.of("k1", AES_KEY), "k1", null),
                    "smartunion.personal-data.blind-index-key is not set");
            assertConfigurationError(properties(Map.of("k1", AES_KEY), "k1", SM4_KEY),
                    "blind-index-key must decode to at least 32 bytes, but has 16");
            assertConfigurationError(properties(Map.of("k1", AES_KEY), "k1", AES_KEY),
                    "blind-index-key must differ from every encryption key");
        }

        @Test
        void propertiesNeverPrintKeyMaterial() {
            String printed = properties(Map.of("k1", AES_KEY), "k1", BLIND_KEY).toString();

            assertThat(printed).contains("k1").doesNotContain(AES_KEY).doesNotContain(BLIND_KEY);
        }

        private PersonalDataProperties properties(Map<String, String> keys, String activeKeyId, String blindKey) {
            return new PersonalDataProperties(keys, Map.of(), activeKeyId, CipherAlgorithm.AES_256_GCM, blindKey);
        }

        private void assertConfigurationError(PersonalDataProperties properties, String message) {
            assertThatThrownBy(() -> PersonalDataProtector.from(properties))
                .isInstanceOf(PersonalDataConfigurationException.class)
                .hasMessageContaining(message)
                .hasMessageNotContaining(AES_KEY)
                .hasMessageNotContaining(SM4_KEY)
                .hasMessageNotContaining(BLIND_KEY);
        }
    }
}
