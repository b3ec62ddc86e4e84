package cn.smartunion.membership.member.domain;

import java.util.Objects;

/**
 * A personal-data value as the member record keeps it: never the plaintext, only its ciphertext (with the key id),
 * its keyed blind index (for equality search and dedupe) and its masked display form. Sealing and unsealing happen
 * outside the domain, in the application layer that holds the keys.
 */
public record Sealed(String ciphertext, String blindIndex, String masked) {

    public Sealed {
        Objects.requireNonNull(ciphertext, "ciphertext");
        Objects.requireNonNull(blindIndex, "blindIndex");
        Objects.requireNonNull(masked, "masked");
    }

    @Override
    public String toString() {
        return "Sealed[" + masked + "]";
    }
}
