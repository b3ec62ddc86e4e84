package cn.smartunion.statistics.facts.application;

import cn.smartunion.contracts.EventTypes;
import cn.smartunion.statistics.facts.domain.EventFacts;
import cn.smartunion.statistics.facts.domain.Fact;

import java.time.Instant;
import java.util.Optional;

/**
 * Turns a domain event into its fact and stores it once. A few facts borrow from an earlier fact of the same
 * aggregate: the beneficiary of an aid approval from its submission, the workers of a legal-aid grant from the case's opening, the closure date a follow-up belongs to, the
 * creation date of a resolved work order. Those earlier events travel on the same topic under the same key, so they
 * were read first, and a replay finds the fact already stored and borrows nothing again.
 */
public class FactRecorder {

    private final EventFacts eventFacts;
    private final FactStore store;

    public FactRecorder(EventFacts eventFacts, FactStore store) {
        this.eventFacts = eventFacts;
        this.store = store;
    }

    public Optional<Class<?>> payloadType(String eventType) {
        return eventFacts.payloadType(eventType);
    }

    /** @return false when the event had been counted before */
    public boolean record(String eventId, String eventType, String headerOrgPath, Instant time, Object payload) {
        Fact fact = eventFacts.factOf(eventId, eventType, headerOrgPath, time, payload);
        return store.insertOnce(withEarlierFacts(fact));
    }

    private Fact withEarlierFacts(Fact fact) {
        String kind = fact.kind();
        if (kind.equals(EventTypes.AID_APPLICATION_APPROVED.type())) {
            return store.latest(EventTypes.AID_APPLICATION_SUBMITTED.type(), fact.subjectId())
                    .map(submitted -> fact.withPersonKeys(submitted.personKeys())).orElse(fact);
        }
        if (kind.equals(EventTypes.LEGAL_AID_GRANTED.type())) {
            return store.latest(EventTypes.DISPUTE_CASE_OPENED.type(), fact.subjectId())
                    .map(opened -> fact.withPersonKeys(opened.personKeys())).orElse(fact);
        }
        if (kind.equals(EventTypes.CASE_FOLLOW_UP_COMPLETED.type())) {
            return fact.withCohortOn(store.latest(EventTypes.DISPUTE_CASE_CLOSED.type(), fact.subjectId())
                    .map(Fact::on).orElse(fact.on()));
        }
        if (kind.equals(EventTypes.WORK_ORDER_RESOLVED.type())) {
            return fact.withCohortOn(store.latest(EventTypes.WORK_ORDER_CREATED.type(), fact.subjectId())
                    .map(Fact::on).orElse(fact.on()));
        }
        return fact;
    }
}
