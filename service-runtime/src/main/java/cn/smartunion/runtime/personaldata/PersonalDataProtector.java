package cn.smartunion.runtime.personaldata;

import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What a service uses to store personal data: encrypt with the active key, decrypt whatever key or algorithm a value
 * was written with, compute the blind index, and produce all stored forms at once with
 * {@link #protect(CitizenIdNumber)}.
 *
 * <p>Decrypting gives the unmasked value: call it only behind the separate, audited permission (ARCHITECTURE §6).
 */
public final class PersonalDataProtector {

    private final FieldCipher active;

    private final Map<CipherAlgorithm, FieldCipher> ciphers;

    private final BlindIndex blindIndex;

    /**
     * @param active the cipher new values are encrypted with (must have an active key)
     * @param decryptOnly further ciphers for values written under the other algorithm; may be empty
     */
    public PersonalDataProtector(FieldCipher active, Iterable<FieldCipher> decryptOnly, BlindIndex blindIndex) {
        if (active.activeKeyId() == null) {
            throw new IllegalArgumentException("The active cipher needs an active key");
        }
        Map<CipherAlgorithm, FieldCipher> byAlgorithm = new EnumMap<>(CipherAlgorithm.class);
        decryptOnly.forEach(cipher -> byAlgorithm.put(cipher.algorithm(), cipher));
        byAlgorithm.put(active.algorithm(), active);
        this.active = active;
        this.ciphers = Map.copyOf(byAlgorithm);
        this.blindIndex = blindIndex;
    }

    /**
     * Builds the protector from configuration, failing with a {@link PersonalDataConfigurationException} that names
     * the property when a key is missing, not base64, of the wrong length or reused.
     */
    public static PersonalDataProtector from(PersonalDataProperties properties) {
        return new PersonalDataKeys(properties).protector();
    }

    /** Encrypts with the active algorithm and key. */
    public String encrypt(String plaintext) {
        return active.encrypt(plaintext);
    }

    /** Decrypts a value written under any configured key of either algorithm. */
    public String decrypt(String stored) {
        if (stored == null) {
            throw new FieldDecryptionException("Nothing to decrypt: value is null");
        }
        int end = stored.indexOf(':');
        CipherAlgorithm algorithm = CipherAlgorithm.forTag(end < 0 ? stored : stored.substring(0, end));
        FieldCipher cipher = ciphers.get(algorithm);
        if (cipher == null) {
            throw new FieldDecryptionException("No " + algorithm + " keys are configured");
        }
        return cipher.decrypt(stored);
    }

    /** True when the value was written with the current algorithm and key; false means a rotation job should
     * re-encrypt it. */
    public boolean isCurrent(String stored) {
        return stored != null && stored.startsWith(active.algorithm().tag() + ":" + active.activeKeyId() + ":");
    }

    /** The hex blind index of the normalised value (trimmed, upper-cased). */
    public String blindIndex(String value) {
        return blindIndex.hex(value);
    }

    /** Ciphertext, blind index and masked form of a citizen ID number. */
    public ProtectedValue protect(CitizenIdNumber idNumber) {
        return protect(idNumber.value(), Masking::citizenIdNumber);
    }

    /** Ciphertext, blind index and masked form of any value, e.g. {@code protect(phone, Masking::mobilePhone)}. */
    public ProtectedValue protect(String plaintext, UnaryOperator<String> masking) {
        return new ProtectedValue(encrypt(plaintext), blindIndex(plaintext), masking.apply(plaintext));
    }

    @Override
    public String toString() {
        return "PersonalDataProtector[" + active.algorithm() + ", activeKeyId=" + active.activeKeyId() + "]";
    }

    /** Validates and decodes {@link PersonalDataProperties}. */
    private static final class PersonalDataKeys {

        private static final String PREFIX = "smartunion.personal-data.";

        private final PersonalDataProperties properties;

        PersonalDataKeys(PersonalDataProperties properties) {
            this.properties = properties;
        }

        PersonalDataProtector protector() {
            CipherAlgorithm algorithm = properties.algorithm() != null ? properties.algorithm()
                    : CipherAlgorithm.AES_256_GCM;
            Map<String, byte[]> aesKeys = decode("keys", properties.keys(), CipherAlgorithm.AES_256_GCM);
            Map<String, byte[]> sm4Keys = decode("sm4-keys", properties.sm4Keys(), CipherAlgorithm.SM4_GCM);
            Map<String, byte[]> activeKeys = algorithm == CipherAlgorithm.AES_256_GCM ? aesKeys : sm4Keys;
            String activeMap = PREFIX + (algorithm == CipherAlgorithm.AES_256_GCM ? "keys" : "sm4-keys");
            if (activeKeys.isEmpty()) {
                throw new PersonalDataConfigurationException(activeMap + " is empty: configure at least one "
                        + algorithm + " key (key id -> base64 of " + algorithm.keyLength()
                        + " random bytes). There is no built-in default key.");
            }
            String activeKeyId = properties.activeKeyId();
            if (activeKeyId == null || activeKeyId.isBlank()) {
                throw new PersonalDataConfigurationException(PREFIX + "active-key-id is not set: name the key in "
                        + activeMap + " that new values are encrypted with");
            }
            if (!activeKeys.containsKey(activeKeyId)) {
                throw new PersonalDataConfigurationException(PREFIX + "active-key-id '" + activeKeyId
                        + "' is not a key id in " + activeMap + " (configured ids: " + activeKeys.keySet() + ")");
            }
            byte[] blindIndexKey = blindIndexKey(aesKeys, sm4Keys);

            FieldCipher aes = aesKeys.isEmpty() ? null : new AesGcmFieldCipher(aesKeys,
                    algorithm == CipherAlgorithm.AES_256_GCM ? activeKeyId : null);
            FieldCipher sm4 = sm4Keys.isEmpty() ? null : new Sm4GcmFieldCipher(sm4Keys,
                    algorithm == CipherAlgorithm.SM4_GCM ? activeKeyId : null);
            FieldCipher active = algorithm == CipherAlgorithm.AES_256_GCM ? aes : sm4;
            FieldCipher other = algorithm == CipherAlgorithm.AES_256_GCM ? sm4 : aes;
            return new PersonalDataProtector(active, other == null ? List.of() : List.of(other),
                    new BlindIndex(blindIndexKey));
        }

        private byte[] blindIndexKey(Map<String, byte[]> aesKeys, Map<String, byte[]> sm4Keys) {
            String property = PREFIX + "blind-index-key";
            String encoded = properties.blindIndexKey();
            if (encoded == null || encoded.isBlank()) {
                throw new PersonalDataConfigurationException(property + " is not set: configure base64 of at least "
                        + BlindIndex.MIN_KEY_BYTES + " random bytes, separate from the encryption keys");
            }
            byte[] key = base64(property, encoded);
            if (key.length < BlindIndex.MIN_KEY_BYTES) {
                throw new PersonalDataConfigurationException(property + " must decode to at least "
                        + BlindIndex.MIN_KEY_BYTES + " bytes, but has " + key.length);
            }
            for (byte[] encryptionKey : aesKeys.values()) {
                rejectReuse(property, key, encryptionKey);
            }
            for (byte[] encryptionKey : sm4Keys.values()) {
                rejectReuse(property, key, encryptionKey);
            }
            return key;
        }

        private static void rejectReuse(String property, byte[] blindIndexKey, byte[] encryptionKey) {
            if (Arrays.equals(blindIndexKey, encryptionKey)) {
                throw new PersonalDataConfigurationException(property
                        + " must differ from every encryption key: one leaked key must not expose both");
            }
        }

        private static Map<String, byte[]> decode(String name, Map<String, String> encoded,
                CipherAlgorithm algorithm) {
            Map<String, byte[]> keys = new LinkedHashMap<>();
            if (encoded == null) {
                return keys;
            }
            encoded.forEach((id, value) -> {
                String property = PREFIX + name + "." + id;
                if (!GcmFieldCipher.KEY_ID.matcher(id).matches()) {
                    throw new PersonalDataConfigurationException(PREFIX + name + ": key ids must match "
                            + GcmFieldCipher.KEY_ID.pattern());
                }
                if (value == null || value.isBlank()) {
                    throw new PersonalDataConfigurationException(property + " is empty");
                }
                byte[] key = base64(property, value);
                if (key.length != algorithm.keyLength()) {
                    throw new PersonalDataConfigurationException(property + " must decode to " + algorithm.keyLength()
                            + " bytes for " + algorithm + ", but has " + key.length);
                }
                keys.put(id, key);
            });
            return keys;
        }

        private static byte[] base64(String property, String value) {
            try {
                return Base64.getDecoder().decode(value.strip());
            }
            catch (IllegalArgumentException notBase64) {
                throw new PersonalDataConfigurationException(property + " is not valid base64");
            }
        }
    }
}
