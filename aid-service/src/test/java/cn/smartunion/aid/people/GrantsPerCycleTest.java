package cn.smartunion.aid.people;

import cn.smartunion.aid.AidSpringTest;
import cn.smartunion.aid.people.application.GrantsPerCycle;
import cn.smartunion.aid.people.domain.AlreadyGrantedInCycle;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;

class GrantsPerCycleTest extends AidSpringTest {

    @Autowired GrantsPerCycle grants;

    @Test
    void ofManyConcurrentClaimsForOnePersonExactlyOneWinsEvenBeforeAnyHolderIsStored() throws Exception {
        String programme = unique("SCHOOL");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> claims = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String holder = "application-" + i;
            claims.add(pool.submit(() -> {
                start.await();
                try {
                    // no holder's record exists yet: only the settling time keeps a fresh claim from being taken over
                    grants.claim(programme, "2026", "person-1", holder, anyHolder -> false);
                    return true;
                } catch (AlreadyGrantedInCycle refused) {
                    return false;
                }
            }));
        }
        start.countDown();
        int won = 0;
        for (Future<Boolean> claim : claims) {
            won += claim.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        assertThat(won).isEqualTo(1);
    }

    @Test
    void aPlaceHeldByARecordThatWasNeverStoredIsTakenOverOnceItSettledAndAReleasedPlaceIsFree() {
        String programme = unique("SCHOOL");
        grants.claim(programme, "2026", "person-2", "crashed", holder -> false);
        assertThatThrownBy(() -> grants.claim(programme, "2026", "person-2", "next", holder -> false))
                .isInstanceOf(AlreadyGrantedInCycle.class);
        mongo.updateFirst(Query.query(where("_id").is(programme + "|2026|person-2")),
                new Update().set("claimedAt", Date.from(Instant.now().minusSeconds(600))), "grants_per_cycle");
        assertThatThrownBy(() -> grants.claim(programme, "2026", "person-2", "next", holder -> true))
                .as("a settled holder that still counts keeps its place").isInstanceOf(AlreadyGrantedInCycle.class);
        grants.claim(programme, "2026", "person-2", "next", holder -> false);
        assertThat(mongo.findById(programme + "|2026|person-2", Document.class, "grants_per_cycle")
                .getString("holderId")).isEqualTo("next");

        grants.release(programme, "2026", "person-2", "next");
        grants.claim(programme, "2026", "person-2", "after-" + UUID.randomUUID(), holder -> true);
    }
}
