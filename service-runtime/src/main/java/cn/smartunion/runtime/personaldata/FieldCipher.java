package cn.smartunion.runtime.personaldata;

/**
 * Authenticated encryption of one field value into a self-describing string
 * {@code <algorithm>:<key id>:<base64(nonce ‖ ciphertext ‖ tag)>}, e.g. {@code A256GCM:k2024:q83v...}.
 *
 * <p>Every encryption uses a fresh random 96-bit nonce, so equal plaintexts give different ciphertexts (search with
 * a {@link BlindIndex} instead). The algorithm marker and key id are authenticated as associated data. Decryption
 * picks the key by the id in the string, so values written under an older key stay readable after the active key
 * changes, as long as the old key stays configured.
 */
public interface FieldCipher {

    CipherAlgorithm algorithm();

    /** The key new values are encrypted with; null when this cipher only decrypts (keys kept for old values). */
    String activeKeyId();

    /** @throws IllegalStateException when this cipher has no active key */
    String encrypt(String plaintext);

    /** @throws FieldDecryptionException when the string is malformed, its key is unknown or it was altered */
    String decrypt(String stored);
}
