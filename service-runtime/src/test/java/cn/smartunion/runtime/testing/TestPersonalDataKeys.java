package cn.smartunion.runtime.testing;

import java.util.Map;

import cn.smartunion.runtime.personaldata.CipherAlgorithm;
import cn.smartunion.runtime.personaldata.PersonalDataProperties;
import cn.smartunion.runtime.personaldata.PersonalDataProtector;

/**
 * Throw-away keys for tests (never use them anywhere else). For a Spring test:
 * <pre>{@code
 * @SpringBootTest(properties = { TestPersonalDataKeys.AES_KEY, TestPersonalDataKeys.ACTIVE_KEY_ID,
 *         TestPersonalDataKeys.BLIND_INDEX_KEY })
 * }</pre>
 */
public final class TestPersonalDataKeys {

    public static final String AES_KEY_ID = "test1";

    public static final String AES_KEY_BASE64 = "/Cr2Wa8JgHRPvzlqwqrDvgArUncJnp3z3Ne6E9nxrBs=";

    public static final String OTHER_AES_KEY_BASE64 = "AJHiBRL9S7dM0EowUSSqnUlTebp9pG/qdpFHoPsqC5U=";

    public static final String SM4_KEY_BASE64 = "ysCZCzOVrkx5jjzdgmzNww==";

    public static final String BLIND_INDEX_KEY_BASE64 = "4KRmizYPOvYAxwe5YXv3NMFCupBrXtPBkWNVyaY86v4=";

    public static final String AES_KEY = "smartunion.personal-data.keys." + AES_KEY_ID + "=" + AES_KEY_BASE64;

    public static final String ACTIVE_KEY_ID = "smartunion.personal-data.active-key-id=" + AES_KEY_ID;

    public static final String BLIND_INDEX_KEY = "smartunion.personal-data.blind-index-key=" + BLIND_INDEX_KEY_BASE64;

    private TestPersonalDataKeys() {
    }

    /** AES-256-GCM with one key {@value #AES_KEY_ID}. */
    public static PersonalDataProperties properties() {
        return new PersonalDataProperties(Map.of(AES_KEY_ID, AES_KEY_BASE64), Map.of(), AES_KEY_ID,
                CipherAlgorithm.AES_256_GCM, BLIND_INDEX_KEY_BASE64);
    }

    public static PersonalDataProtector protector() {
        return PersonalDataProtector.from(properties());
    }
}
