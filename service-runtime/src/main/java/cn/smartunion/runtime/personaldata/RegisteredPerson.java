package cn.smartunion.runtime.personaldata;

import java.time.LocalDate;

/**
 * A real person a service's records name (a worker paid, a student, a party to a dispute), member or not:
 * {@code personId} is the service's pseudonymous id for them, the same whichever record names them (the citizen ID's
 * blind index is the key). Only masked forms leave the store.
 */
public record RegisteredPerson(String personId, String maskedName, String maskedIdNumber, LocalDate birthDate) {

    /** Under 18 on {@code date}: a minor's data is restricted (金秋助学 students). */
    public boolean minorOn(LocalDate date) {
        return birthDate.plusYears(18).isAfter(date);
    }
}
