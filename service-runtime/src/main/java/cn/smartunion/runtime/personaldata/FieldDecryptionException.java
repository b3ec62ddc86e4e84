package cn.smartunion.runtime.personaldata;

/**
 * A stored ciphertext could not be decrypted: malformed, encrypted under a key that is not configured, or altered
 * (GCM authentication failed). The message never contains the ciphertext or any plaintext.
 */
public class FieldDecryptionException extends RuntimeException {

    public FieldDecryptionException(String message) {
        super(message);
    }

    public FieldDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
