package cn.smartunion.runtime.personaldata;

/**
 * The three stored forms of one personal-data value: store all three, never the plaintext.
 *
 * @param ciphertext the {@link FieldCipher} string; decrypt only for the audited "show unmasked" permission
 * @param blindIndex the hex {@link BlindIndex}; put a (unique, for dedupe keys) index on it and search by it
 * @param masked the display form for responses and lists
 */
public record ProtectedValue(String ciphertext, String blindIndex, String masked) {

    @Override
    public String toString() {
        return "ProtectedValue[masked=" + masked + "]";
    }
}
