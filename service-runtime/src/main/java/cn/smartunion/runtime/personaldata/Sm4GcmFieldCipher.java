package cn.smartunion.runtime.personaldata;

import java.security.Provider;
import java.security.Security;
import java.util.Map;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * SM4-GCM field cipher (national-standard block cipher) using BouncyCastle. The BouncyCastle provider is added at
 * the end of the JVM's provider list if it is not there yet, so it never becomes the default for algorithms the JDK
 * already provides.
 */
public final class Sm4GcmFieldCipher extends GcmFieldCipher {

    /**
     * @param keys key id to 16-byte SM4 key
     * @param activeKeyId the key to encrypt with, or null for a decrypt-only cipher
     */
    public Sm4GcmFieldCipher(Map<String, byte[]> keys, String activeKeyId) {
        super(CipherAlgorithm.SM4_GCM, bouncyCastle(), keys, activeKeyId);
    }

    private static synchronized Provider bouncyCastle() {
        Provider registered = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
        if (registered != null) {
            return registered;
        }
        Security.addProvider(new BouncyCastleProvider());
        return Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
    }
}
