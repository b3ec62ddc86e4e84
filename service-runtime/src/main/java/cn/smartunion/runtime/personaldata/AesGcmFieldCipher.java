package cn.smartunion.runtime.personaldata;

import java.security.Provider;
import java.util.Map;

import javax.crypto.Cipher;

/** AES-256-GCM field cipher using the JDK's own provider. */
public final class AesGcmFieldCipher extends GcmFieldCipher {

    /**
     * @param keys key id to 32-byte key
     * @param activeKeyId the key to encrypt with, or null for a decrypt-only cipher
     */
    public AesGcmFieldCipher(Map<String, byte[]> keys, String activeKeyId) {
        super(CipherAlgorithm.AES_256_GCM, jdkProvider(), keys, activeKeyId);
    }

    private static Provider jdkProvider() {
        try {
            return Cipher.getInstance(CipherAlgorithm.AES_256_GCM.transformation()).getProvider();
        }
        catch (Exception ex) {
            throw new IllegalStateException("The JDK offers no AES/GCM cipher", ex);
        }
    }
}
