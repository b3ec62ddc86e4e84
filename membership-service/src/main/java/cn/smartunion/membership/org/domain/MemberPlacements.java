package cn.smartunion.membership.org.domain;

import java.util.Collection;
import java.util.Map;

/**
 * Which union each member counts for, kept from the member events: an organisation's member count is the number of
 * members placed at it. Kept per member rather than as a counter, so a redelivered or replayed event, however many
 * other events of the same organisation came in between, cannot count anybody twice, and a transfer whose activation
 * was never seen still lands the member in the right place.
 */
public interface MemberPlacements {

    /**
     * The member counts for {@code orgId} (activated, transferred in, retained, reinstated).
     *
     * @return false when this event had been applied before
     */
    boolean place(String eventId, String memberId, String orgId);

    /**
     * The member no longer counts anywhere (membership terminated).
     *
     * @return false when this event had been applied before
     */
    boolean remove(String eventId, String memberId);

    long countAt(String orgId);

    /** Member counts of several organisations; organisations without members are absent. */
    Map<String, Long> countsAt(Collection<String> orgIds);
}
