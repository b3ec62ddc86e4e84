package cn.smartunion.aid.people.application;

import cn.smartunion.aid.people.domain.AlreadyGrantedInCycle;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.function.Predicate;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The guard that no person or household receives the same programme twice in one cycle: one document per
 * (programme, cycle, beneficiary) with a unique {@code _id}, naming the record that holds the grant. The beneficiary
 * key is a pseudonymous id ({@code personId}, {@code householdId}) that the citizen ID's blind index made unique, so
 * two records for the same student collide here whatever their other details.
 *
 * <p>A record that was rejected or withdrawn gives its place back; a holder that no longer exists (a crash between
 * taking the place and storing the record) is replaced by the next claimant, but only once its claim is older than
 * {@link #SETTLING}: a younger holder may simply not have stored its record yet, and taking its place then would let
 * two concurrent requests for the same person both through.
 */
@Service
public class GrantsPerCycle {

    static final String COLLECTION = "grants_per_cycle";
    static final Duration SETTLING = Duration.ofMinutes(2);

    private final MongoTemplate mongo;
    private final Clock clock;

    GrantsPerCycle(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Takes the place of {@code beneficiaryKey} in the programme's cycle for record {@code holderId}.
     *
     * @param holdsStill whether the record now holding the place still counts (exists and was not rejected or
     *                   withdrawn)
     * @throws AlreadyGrantedInCycle when another live record holds it
     */
    public void claim(String programmeCode, String cycle, String beneficiaryKey, String holderId,
                      Predicate<String> holdsStill) {
        String id = key(programmeCode, cycle, beneficiaryKey);
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                mongo.insert(new Document("_id", id).append("holderId", holderId)
                        .append("claimedAt", Date.from(clock.instant())), COLLECTION);
                return;
            } catch (DuplicateKeyException taken) {
                Document current = mongo.findById(id, Document.class, COLLECTION);
                if (current == null) {
                    continue;
                }
                String holder = current.getString("holderId");
                if (holderId.equals(holder)) {
                    return;
                }
                Date claimedAt = current.getDate("claimedAt");
                boolean settling = claimedAt != null
                        && claimedAt.toInstant().isAfter(clock.instant().minus(SETTLING));
                if (settling || holdsStill.test(holder)) {
                    throw new AlreadyGrantedInCycle(programmeCode, cycle);
                }
                Query stale = Query.query(where("_id").is(id).and("holderId").is(holder));
                if (mongo.updateFirst(stale, new Update().set("holderId", holderId)
                        .set("claimedAt", Date.from(clock.instant())), COLLECTION).getModifiedCount() > 0) {
                    return;
                }
            }
        }
        throw new AlreadyGrantedInCycle(programmeCode, cycle);
    }

    /** Gives the place back if {@code holderId} holds it (a rejected or withdrawn record). */
    public void release(String programmeCode, String cycle, String beneficiaryKey, String holderId) {
        mongo.remove(Query.query(where("_id").is(key(programmeCode, cycle, beneficiaryKey)).and("holderId")
                .is(holderId)), COLLECTION);
    }

    private static String key(String programmeCode, String cycle, String beneficiaryKey) {
        return programmeCode + "|" + cycle + "|" + beneficiaryKey;
    }
}
