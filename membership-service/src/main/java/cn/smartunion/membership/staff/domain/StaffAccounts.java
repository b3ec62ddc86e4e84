package cn.smartunion.membership.staff.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where staff account records are kept. Writes are single-document and conditional on the version read. */
public interface StaffAccounts {

    /** Stores a new record; fails with {@link DuplicateUsername} when the username is taken. */
    StaffAccount add(StaffAccount account);

    /** Replaces the record if it still has the version it was read with; fails with {@link StaleRecord} if not. */
    StaffAccount update(StaffAccount account);

    /** Removes the record if it still has the version it was read with; false when it changed or is gone. */
    boolean remove(StaffAccount account);

    Optional<StaffAccount> findByUsername(String username);

    /** The record with this id if its organisation lies within {@code scopePath}. */
    Optional<StaffAccount> findWithin(String id, String scopePath);

    /** Records whose organisation lies within {@code scopePath}, newest first. */
    PageOf<StaffAccount> listWithin(String scopePath, int page, int size);

    /** In-flight records whose status last changed before {@code changedBefore}, oldest first, at most {@code limit}. */
    List<StaffAccount> inFlightSince(Instant changedBefore, int limit);

    record PageOf<T>(List<T> items, int page, int size, long totalItems) {
    }

    class DuplicateUsername extends RuntimeException {
        public DuplicateUsername() {
            super("a staff account with this username exists");
        }
    }

    class StaleRecord extends RuntimeException {
        public StaleRecord() {
            super("the staff account was changed concurrently");
        }
    }
}
