package cn.smartunion.runtime.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed HMAC-SHA256 of a normalised value (surrounding whitespace removed, upper-cased), for equality search on
 * encrypted fields and as the province-wide dedupe key (e.g. one member per citizen ID number): equal values give
 * equal indexes under the same key, and without the key an index cannot be recomputed from a guessed value.
 *
 * <p>The key is separate from the encryption keys and cannot simply rotate: changing it changes every index, so
 * stored indexes must be recomputed (from the decrypted values) in the same change.
 */
public final class BlindIndex {

    public static final int MIN_KEY_BYTES = 32;

    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;

    public BlindIndex(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("Blind index key must have at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), HMAC);
    }

    /** Lower-case hex, 64 characters. */
    public String hex(String value) {
        return HexFormat.of().formatHex(mac(value));
    }

    /** Base64url without padding, 43 characters. */
    public String base64Url(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(value));
    }

    static String normalise(String value) {
        return value.strip().toUpperCase(Locale.ROOT);
    }

    private byte[] mac(String value) {
        if (value == null) {
            throw new IllegalArgumentException("Nothing to index: value is null");
        }
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(normalise(value).getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HMAC-SHA256 is not available", ex);
        }
    }
}
