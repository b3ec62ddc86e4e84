package cn.smartunion.rights.supervision.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The employer a notice is addressed to: its (validated) unified social credit code, its name, and the pseudonymous
 * id the events carry. The id is derived from the code exactly as the dispute cases derive it
 * ({@code UUID.nameUUIDFromBytes("employer:" + code)}), so analysts can join notices with cases.
 */
public record Employer(String employerId, String creditCode, String name) {

    public static Employer of(String creditCode, String name) {
        return new Employer(idFor(creditCode), creditCode, name);
    }

    public static String idFor(String creditCode) {
        return UUID.nameUUIDFromBytes(("employer:" + creditCode).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
