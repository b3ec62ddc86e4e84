package cn.smartunion.rights.people.domain;

import java.time.LocalDate;

/**
 * A worker (or caller) a rights record names, member or not: {@code personId} is rights-service's pseudonymous id for
 * them, the same whichever record names them (the citizen ID's blind index is the key). Only masked forms leave the
 * store.
 */
public record Person(String personId, String maskedName, String maskedIdNumber, LocalDate birthDate) {

    /** Under 18 on {@code date}: a minor's data is restricted (金秋助学 students). */
    public boolean minorOn(LocalDate date) {
        return birthDate.plusYears(18).isAfter(date);
    }
}
