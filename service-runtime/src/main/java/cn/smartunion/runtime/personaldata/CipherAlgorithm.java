package cn.smartunion.runtime.personaldata;

/** The field ciphers the suite supports; {@link #tag()} is the algorithm marker in stored ciphertexts. */
public enum CipherAlgorithm {

    /** AES with a 256-bit key in GCM mode, from the JDK. The default. */
    AES_256_GCM("A256GCM", "AES", "AES/GCM/NoPadding", 32),

    /** SM4 (GB/T 32907) with its 128-bit key in GCM mode, from BouncyCastle. */
    SM4_GCM("SM4GCM", "SM4", "SM4/GCM/NoPadding", 16);

    private final String tag;

    private final String keyAlgorithm;

    private final String transformation;

    private final int keyLength;

    CipherAlgorithm(String tag, String keyAlgorithm, String transformation, int keyLength) {
        this.tag = tag;
        this.keyAlgorithm = keyAlgorithm;
        this.transformation = transformation;
        this.keyLength = keyLength;
    }

    /** The marker at the start of a stored ciphertext, e.g. {@code A256GCM}. */
    public String tag() {
        return tag;
    }

    /** Required key length in bytes. */
    public int keyLength() {
        return keyLength;
    }

    String keyAlgorithm() {
        return keyAlgorithm;
    }

    String transformation() {
        return transformation;
    }

    static CipherAlgorithm forTag(String tag) {
        for (CipherAlgorithm algorithm : values()) {
            if (algorithm.tag.equals(tag)) {
                return algorithm;
            }
        }
        throw new FieldDecryptionException("Unknown cipher algorithm marker");
    }
}
