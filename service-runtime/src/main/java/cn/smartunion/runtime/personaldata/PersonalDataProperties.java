package cn.smartunion.runtime.personaldata;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code smartunion.personal-data.*}: the keys that protect personal data. Supply them from the environment or a
 * Kubernetes Secret; there is no default key, and the service does not start without them.
 *
 * <p>SM4 keys are their own entries, not derived from the AES keys: SM4 is chosen where national-standard
 * cryptography is required, and there its keys are generated and held as SM4 keys (16 bytes) by whoever manages
 * keys, not derived with a non-SM hash. Both maps may be configured at once so values written under the other
 * algorithm stay readable after switching.
 *
 * @param keys AES-256 keys: key id ({@code [A-Za-z0-9_-]}, e.g. {@code k2025}) to base64 of 32 random bytes
 * @param sm4Keys SM4 keys: key id to base64 of 16 random bytes
 * @param activeKeyId the key (in the map of {@code algorithm}) new values are encrypted with; to rotate, add a key,
 *                    make it active, and keep the old one until its values are re-encrypted
 * @param algorithm the cipher for new values: {@code AES_256_GCM} (default) or {@code SM4_GCM}
 * @param blindIndexKey base64 of at least 32 random bytes, different from every encryption key; it cannot rotate
 *                      without recomputing stored indexes
 */
@ConfigurationProperties("smartunion.personal-data")
public record PersonalDataProperties(@DefaultValue Map<String, String> keys, @DefaultValue Map<String, String> sm4Keys,
        String activeKeyId, @DefaultValue("AES_256_GCM") CipherAlgorithm algorithm, String blindIndexKey) {

    /** Key material never appears in logs or actuator output through this object. */
    @Override
    public String toString() {
        return "PersonalDataProperties[keys=" + keys.keySet() + ", sm4Keys=" + sm4Keys.keySet() + ", activeKeyId="
                + activeKeyId + ", algorithm=" + algorithm + ", blindIndexKey=(hidden)]";
    }
}
