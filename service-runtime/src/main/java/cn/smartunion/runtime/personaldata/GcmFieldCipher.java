package cn.smartunion.runtime.personaldata;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** The GCM envelope shared by the AES and SM4 field ciphers; they differ only in algorithm and JCA provider. */
abstract class GcmFieldCipher implements FieldCipher {

    static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private static final int NONCE_BYTES = 12;

    private static final int TAG_BITS = 128;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CipherAlgorithm algorithm;

    private final Provider provider;

    private final Map<String, SecretKey> keys;

    private final String activeKeyId;

    /**
     * @param keys key id to raw key bytes, each exactly {@link CipherAlgorithm#keyLength()} long
     * @param activeKeyId the key to encrypt with, or null for a decrypt-only cipher
     */
    GcmFieldCipher(CipherAlgorithm algorithm, Provider provider, Map<String, byte[]> keys, String activeKeyId) {
        this.algorithm = algorithm;
        this.provider = provider;
        Map<String, SecretKey> secretKeys = new LinkedHashMap<>();
        keys.forEach((id, bytes) -> {
            if (id == null || !KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("Key id must match " + KEY_ID.pattern());
            }
            if (bytes == null || bytes.length != algorithm.keyLength()) {
                throw new IllegalArgumentException(algorithm + " key '" + id + "' must be " + algorithm.keyLength()
                        + " bytes, not " + (bytes == null ? 0 : bytes.length));
            }
            secretKeys.put(id, new SecretKeySpec(bytes, algorithm.keyAlgorithm()));
        });
        if (activeKeyId != null && !secretKeys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("Active key id '" + activeKeyId + "' is not among the " + algorithm
                    + " keys");
        }
        this.keys = Map.copyOf(secretKeys);
        this.activeKeyId = activeKeyId;
    }

    @Override
    public CipherAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public String activeKeyId() {
        return activeKeyId;
    }

    @Override
    public String encrypt(String plaintext) {
        if (plaintext == null) {
            throw new IllegalArgumentException("Nothing to encrypt: plaintext is null");
        }
        if (activeKeyId == null) {
            throw new IllegalStateException("No active " + algorithm + " key: this cipher only decrypts");
        }
        String header = algorithm.tag() + ":" + activeKeyId;
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), nonce, header);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] payload = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return header + ":" + Base64.getEncoder().encodeToString(payload);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(algorithm + " encryption failed", ex);
        }
    }

    @Override
    public String decrypt(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split(":", 3);
        if (parts.length != 3) {
            throw new FieldDecryptionException("Not a field ciphertext (expected <algorithm>:<key id>:<payload>)");
        }
        if (!algorithm.tag().equals(parts[0])) {
            throw new FieldDecryptionException("Ciphertext is " + (isKnownTag(parts[0]) ? parts[0] : "of an unknown"
                    + " algorithm") + ", this cipher is " + algorithm.tag());
        }
        SecretKey key = keys.get(parts[1]);
        if (key == null) {
            String shownId = KEY_ID.matcher(parts[1]).matches() ? parts[1] : "(malformed)";
            throw new FieldDecryptionException("No " + algorithm + " key with id '" + shownId
                    + "' is configured; keep retired keys configured while values encrypted under them remain");
        }
        byte[] payload;
        try {
            payload = Base64.getDecoder().decode(parts[2]);
        }
        catch (IllegalArgumentException notBase64) {
            throw new FieldDecryptionException("Ciphertext payload is not valid base64");
        }
        if (payload.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new FieldDecryptionException("Ciphertext payload is truncated");
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            System.arraycopy(payload, 0, nonce, 0, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, parts[0] + ":" + parts[1]);
            byte[] plaintext = cipher.doFinal(payload, NONCE_BYTES, payload.length - NONCE_BYTES);
            return new String(plaintext, StandardCharsets.UTF_8);
        }
        catch (AEADBadTagException tampered) {
            throw new FieldDecryptionException(
                    "Ciphertext failed authentication: it was altered or encrypted under a different key");
        }
        catch (GeneralSecurityException ex) {
            throw new FieldDecryptionException(algorithm + " decryption failed", ex);
        }
    }

    private Cipher cipher(int mode, SecretKey key, byte[] nonce, String header) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(algorithm.transformation(), provider);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(header.getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    private static boolean isKnownTag(String tag) {
        for (CipherAlgorithm algorithm : CipherAlgorithm.values()) {
            if (algorithm.tag().equals(tag)) {
                return true;
            }
        }
        return false;
    }
}
