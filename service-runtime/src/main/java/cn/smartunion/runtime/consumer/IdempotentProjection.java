package cn.smartunion.runtime.consumer;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Applies an event's effect to one projection document together with the record that the event was applied, in a
 * single-document update: the filter only matches while the event id is not yet recorded, so a redelivered event
 * changes nothing. Works without transactions (mongo-java-server) and on a real MongoDB alike.
 */
public class IdempotentProjection {

    /** Array of the ids of the last events applied to the document. */
    public static final String APPLIED_EVENTS = "appliedEvents";

    /** Enough to absorb redeliveries of one aggregate's recent events; older ids fall off. */
    private static final int REMEMBERED_EVENTS = 100;

    private final MongoTemplate mongo;

    public IdempotentProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Upserts {@code effect} into the document {@code documentId} of {@code collection} unless {@code eventId} was
     * applied to it already.
     *
     * @return true when the effect was applied now, false when the event had been applied before
     */
    public boolean apply(String collection, Object documentId, String eventId, Update effect) {
        return apply(collection, documentId, eventId, null, effect);
    }

    /**
     * Like {@link #apply(String, Object, String, Update)}, but only while the document also matches {@code guard}
     * (e.g. "the stored revision is older than the event's"), so a stale event changes nothing either. A missing
     * document is created whatever the guard.
     *
     * @param guard criteria on fields other than {@code _id} and {@value #APPLIED_EVENTS}; null for none
     * @return true when the effect was applied now, false when the event had been applied or the guard refused it
     */
    public boolean apply(String collection, Object documentId, String eventId, Criteria guard, Update effect) {
        Query notYetApplied = Query.query(Criteria.where("_id").is(documentId).and(APPLIED_EVENTS).ne(eventId));
        if (guard != null) {
            notYetApplied.addCriteria(guard);
        }
        effect.push(APPLIED_EVENTS).slice(-REMEMBERED_EVENTS).each(eventId);
        try {
            var result = mongo.upsert(notYetApplied, effect, collection);
            return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        } catch (DuplicateKeyException alreadyApplied) {
            // the document exists and lists the event (or fails the guard): the upsert's insert collided with its _id
            return false;
        }
    }
}
