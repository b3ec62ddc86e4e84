package cn.smartunion.competition.judging.config;

import cn.smartunion.competition.judging.domain.LedgerChain;
import cn.smartunion.runtime.personaldata.PersonalDataProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * The key of the score ledger's HMAC chain. {@code smartunion.competition.ledger.key} (base64 of at least 32 random
 * bytes, from the environment or a Secret) when set; otherwise derived from the personal-data blind-index key as
 * {@code HMAC-SHA256(blindIndexKey, "smartunion competition score ledger v1")}, so every environment that can start
 * has a stable key without one more secret. Neither present, or a malformed key: the service does not start.
 * Changing the key makes every existing chain fail verification: treat it like the blind-index key (no rotation).
 */
@Configuration(proxyBeanMethods = false)
class ScoreLedgerConfiguration {

    static final String PROPERTY = "smartunion.competition.ledger.key";
    private static final String DERIVATION_LABEL = "smartunion competition score ledger v1";

    @Bean
    LedgerChain ledgerChain(@Value("${" + PROPERTY + ":}") String configuredKey,
                            PersonalDataProperties personalData) {
        return new LedgerChain(ledgerKey(configuredKey, personalData.blindIndexKey()));
    }

    static byte[] ledgerKey(String configuredKey, String blindIndexKey) {
        if (configuredKey != null && !configuredKey.isBlank()) {
            return decode(PROPERTY, configuredKey);
        }
        if (blindIndexKey == null || blindIndexKey.isBlank()) {
            throw new IllegalStateException(PROPERTY + " is not set and there is no smartunion.personal-data."
                    + "blind-index-key to derive it from: configure one (base64 of 32 random bytes)");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(decode("smartunion.personal-data.blind-index-key", blindIndexKey),
                    "HmacSHA256"));
            return mac.doFinal(DERIVATION_LABEL.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is not available", impossible);
        }
    }

    private static byte[] decode(String property, String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        }
        catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException(property + " must be base64");
        }
        if (key.length < 32) {
            throw new IllegalStateException(property + " must hold at least 32 bytes");
        }
        return key;
    }
}
