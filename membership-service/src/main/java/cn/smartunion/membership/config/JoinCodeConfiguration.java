package cn.smartunion.membership.config;

import cn.smartunion.membership.joining.application.JoinLinks;
import cn.smartunion.membership.joining.domain.JoinCodeSigner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The QR join-code keys and link, from {@code smartunion.membership.join-code.*}. Like the personal-data keys they
 * have no default and the service does not start without them: supply them from the environment or a Kubernetes
 * Secret, e.g. {@code SMARTUNION_MEMBERSHIP_JOINCODE_KEYS_JC2026=<base64 of 32 random bytes>},
 * {@code SMARTUNION_MEMBERSHIP_JOINCODE_ACTIVEKEYID=jc2026},
 * {@code SMARTUNION_MEMBERSHIP_JOINCODE_JOINURLPREFIX=https://app.example-union.cn/join?code=}. To rotate, add a key
 * and make it active; codes signed with the old key keep working until it is removed, which revokes them all.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JoinCodeConfiguration.JoinCodeProperties.class)
class JoinCodeConfiguration {

    static final String PREFIX = "smartunion.membership.join-code";

    @Bean
    JoinCodeSigner joinCodeSigner(JoinCodeProperties properties) {
        if (properties.keys().isEmpty()) {
            throw new IllegalStateException(PREFIX + ".keys is empty: configure at least one join-code key "
                    + "(key id -> base64 of 32 random bytes, e.g. from `openssl rand -base64 32`) and "
                    + PREFIX + ".active-key-id");
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        properties.keys().forEach((id, base64) -> {
            try {
                keys.put(id, Base64.getDecoder().decode(base64 == null ? "" : base64.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(PREFIX + ".keys." + id + " is not base64");
            }
        });
        try {
            return new JoinCodeSigner(keys, properties.activeKeyId());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(PREFIX + ": " + e.getMessage());
        }
    }

    @Bean
    JoinLinks joinLinks(JoinCodeProperties properties) {
        try {
            return new JoinLinks(properties.joinUrlPrefix());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(PREFIX + ".join-url-prefix: " + e.getMessage()
                    + " (the member app's join page, the code is appended), "
                    + "e.g. https://app.example-union.cn/join?code=");
        }
    }

    /**
     * @param keys          key id ({@code [A-Za-z0-9_-]}, e.g. {@code jc2026}) to base64 of at least 32 random bytes
     * @param activeKeyId   the key new codes are signed with
     * @param joinUrlPrefix the member app's join page; the code is appended to it
     */
    @ConfigurationProperties(PREFIX)
    record JoinCodeProperties(@DefaultValue Map<String, String> keys, String activeKeyId, String joinUrlPrefix) {

        /** Key material never appears in logs or actuator output through this object. */
        @Override
        public String toString() {
            return "JoinCodeProperties[keys=" + keys.keySet() + ", activeKeyId=" + activeKeyId + ", joinUrlPrefix="
                    + joinUrlPrefix + "]";
        }
    }
}
