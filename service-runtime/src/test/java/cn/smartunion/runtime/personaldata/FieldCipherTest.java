package cn.smartunion.runtime.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.Security;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldCipherTest {

    private static final byte[] AES_2024 = bytes(32, 1);

    private static final byte[] AES_2025 = bytes(32, 2);

    private static final byte[] SM4_2024 = bytes(16, 3);

    private static final byte[] SM4_2025 = bytes(16, 4);

    private static final String ID_NUMBER = "42032219900106123X";

    static Stream<Arguments> ciphers() {
        BiFunction<Map<String, byte[]>, String, FieldCipher> aes = AesGcmFieldCipher::new;
        BiFunction<Map<String, byte[]>, String, FieldCipher> sm4 = Sm4GcmFieldCipher::new;
        return Stream.of(Arguments.of("A256GCM", aes, AES_2024, AES_2025),
                Arguments.of("SM4GCM", sm4, SM4_2024, SM4_2025));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciphers")
    void roundTripsAndMarksAlgorithmAndKey(String tag, BiFunction<Map<String, byte[]>, String, FieldCipher> cipherOf,
            byte[] key, byte[] unused) {
        FieldCipher cipher = cipherOf.apply(Map.of("k2024", key), "k2024");

        String stored = cipher.encrypt(ID_NUMBER);

        assertThat(stored).startsWith(tag + ":k2024:").doesNotContain(ID_NUMBER);
        byte[] payload = Base64.getDecoder().decode(stored.substring(stored.lastIndexOf(':') + 1));
        assertThat(payload).hasSize(12 + ID_NUMBER.length() + 16);
        assertThat(cipher.decrypt(stored)).isEqualTo(ID_NUMBER);
        assertThat(cipher.decrypt(cipher.encrypt("工会会员张三"))).isEqualTo("工会会员张三");
        assertThat(cipher.decrypt(cipher.encrypt(""))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciphers")
    void everyEncryptionUsesAFreshNonce(String tag, BiFunction<Map<String, byte[]>, String, FieldCipher> cipherOf,
            byte[] key, byte[] unused) {
        FieldCipher cipher = cipherOf.apply(Map.of("k2024", key), "k2024");

        String first = cipher.encrypt(ID_NUMBER);
        String second = cipher.encrypt(ID_NUMBER);

        assertThat(first).isNotEqualTo(second);
        assertThat(Arrays.copyOf(payload(first), 12)).isNotEqualTo(Arrays.copyOf(payload(second), 12));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciphers")
    void oldValuesStayReadableAfterTheActiveKeyRotates(String tag,
            BiFunction<Map<String, byte[]>, String, FieldCipher> cipherOf, byte[] oldKey, byte[] newKey) {
        String writtenLastYear = cipherOf.apply(Map.of("k2024", oldKey), "k2024").encrypt(ID_NUMBER);

        FieldCipher rotated = cipherOf.apply(Map.of("k2024", oldKey, "k2025", newKey), "k2025");

        assertThat(rotated.decrypt(writtenLastYear)).isEqualTo(ID_NUMBER);
        assertThat(rotated.encrypt(ID_NUMBER)).startsWith(tag + ":k2025:");
        FieldCipher oldKeyDropped = cipherOf.apply(Map.of("k2025", newKey), "k2025");
        assertThatThrownBy(() -> oldKeyDropped.decrypt(writtenLastYear))
            .isInstanceOf(FieldDecryptionException.class)
            .hasMessageContaining("No " + (tag.equals("A256GCM") ? "AES_256_GCM" : "SM4_GCM") + " key with id 'k2024'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciphers")
    void alteredCiphertextFailsAuthentication(String tag,
            BiFunction<Map<String, byte[]>, String, FieldCipher> cipherOf, byte[] key, byte[] otherKey) {
        FieldCipher cipher = cipherOf.apply(Map.of("k2024", key, "k2025", otherKey), "k2024");
        String stored = cipher.encrypt(ID_NUMBER);
        byte[] payload = payload(stored);

        for (int position : new int[] { 0, 12, payload.length - 1 }) {
            byte[] flipped = payload.clone();
            flipped[position] ^= 0x01;
            String tampered = tag + ":k2024:" + Base64.getEncoder().encodeToString(flipped);
            assertThatThrownBy(() -> cipher.decrypt(tampered))
                .isInstanceOf(FieldDecryptionException.class)
                .hasMessageContaining("failed authentication")
                .hasMessageNotContaining(ID_NUMBER);
        }
        // the key id is authenticated too: relabelling a value to another configured key does not decrypt it
        String relabelled = stored.replace(":k2024:", ":k2025:");
        assertThatThrownBy(() -> cipher.decrypt(relabelled)).isInstanceOf(FieldDecryptionException.class)
            .hasMessageContaining("failed authentication");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciphers")
    void malformedInputIsRejectedClearly(String tag, BiFunction<Map<String, byte[]>, String, FieldCipher> cipherOf,
            byte[] key, byte[] unused) {
        FieldCipher cipher = cipherOf.apply(Map.of("k2024", key), "k2024");

        assertThatThrownBy(() -> cipher.decrypt(ID_NUMBER)).isInstanceOf(FieldDecryptionException.class)
            .hasMessageContaining("Not a field ciphertext")
            .hasMessageNotContaining(ID_NUMBER);
        assertThatThrownBy(() -> cipher.decrypt(tag + ":k2024:AAAA")).isInstanceOf(FieldDecryptionException.class)
            .hasMessageContaining("truncated");
        assertThatThrownBy(() -> cipher.decrypt(tag + ":k2024:%%%")).isInstanceOf(FieldDecryptionException.class)
            .hasMessageContaining("base64");
        String otherTag = tag.equals("A256GCM") ? "SM4GCM" : "A256GCM";
        assertThatThrownBy(() -> cipher.decrypt(otherTag + ":k2024:AAAA")).isInstanceOf(FieldDecryptionException.class)
            .hasMessageContaining("this cipher is " + tag);
    }

    @Test
    void keysOfTheWrongLengthAreRefused() {
        assertThatThrownBy(() -> new AesGcmFieldCipher(Map.of("k1", SM4_2024), "k1"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("must be 32 bytes, not 16");
        assertThatThrownBy(() -> new Sm4GcmFieldCipher(Map.of("k1", AES_2024), "k1"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("must be 16 bytes, not 32");
    }

    @Test
    void decryptOnlyCipherRefusesToEncrypt() {
        FieldCipher retired = new AesGcmFieldCipher(Map.of("k2024", AES_2024), null);

        assertThatThrownBy(() -> retired.encrypt(ID_NUMBER)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aesLayoutIsNonceThenCiphertextAndTagWithTheHeaderAsAssociatedData() throws Exception {
        String stored = new AesGcmFieldCipher(Map.of("k2024", AES_2024), "k2024").encrypt(ID_NUMBER);
        byte[] payload = payload(stored);

        // decrypted with nothing but the JDK and the documented layout
        Cipher jdk = Cipher.getInstance("AES/GCM/NoPadding");
        jdk.init(Cipher.DECRYPT_MODE, new SecretKeySpec(AES_2024, "AES"), new GCMParameterSpec(128, payload, 0, 12));
        jdk.updateAAD("A256GCM:k2024".getBytes(StandardCharsets.US_ASCII));
        byte[] plaintext = jdk.doFinal(payload, 12, payload.length - 12);

        assertThat(new String(plaintext, StandardCharsets.UTF_8)).isEqualTo(ID_NUMBER);
    }

    @Test
    void bouncyCastleIsRegisteredWithoutBecomingTheDefaultProvider() throws Exception {
        new Sm4GcmFieldCipher(Map.of("k1", SM4_2024), "k1").encrypt(ID_NUMBER);

        assertThat(Security.getProvider("BC")).isNotNull();
        assertThat(Security.getProviders()[0].getName()).isNotEqualTo("BC");
        assertThat(Cipher.getInstance("AES/GCM/NoPadding").getProvider().getName()).isEqualTo("SunJCE");
    }

    private static byte[] payload(String stored) {
        return Base64.getDecoder().decode(stored.substring(stored.lastIndexOf(':') + 1));
    }

    private static byte[] bytes(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed * 31 + i * 7);
        }
        return bytes;
    }
}
