package cn.smartunion.rights.workorder.domain;

import java.time.Instant;

/** A progress note; the text is stored encrypted (it may hold personal data). */
public record Note(String textCiphertext, String by, String byOrgPath, Instant at) {

    @Override
    public String toString() {
        return "Note[" + by + " at " + at + "]";
    }
}
