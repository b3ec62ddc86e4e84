package cn.smartunion.membership.member.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The real-name identity behind a member record (实名): sealed legal name, citizen ID number and mobile phone, plus
 * the gender and birth date the ID number encodes.
 *
 * @param mobilePhone null when none was given
 */
public record Person(Sealed legalName, Sealed citizenIdNumber, Sealed mobilePhone, Gender gender,
                     LocalDate birthDate) {

    public Person {
        Objects.requireNonNull(legalName, "legalName");
        Objects.requireNonNull(citizenIdNumber, "citizenIdNumber");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(birthDate, "birthDate");
    }

    /** The province-wide dedupe key: one person, one member record. */
    public String personKey() {
        return citizenIdNumber.blindIndex();
    }
}
