package cn.smartunion.competition.registration.domain;

import cn.smartunion.contracts.competition.EntrantType;

import java.util.List;
import java.util.Optional;

/** Entries; every change is one conditional single-document write of the entry with its events. */
public interface Entries {

    /**
     * @throws AlreadyRegistered when a participant holds a place in the same competition and trade already
     * @throws AlreadyAdvanced   when the source entry was advanced into this competition already
     */
    void add(Entry entry, List<Object> events);

    /**
     * @throws ConcurrentChange  when the entry no longer has the version it was read with
     * @throws AlreadyRegistered when a new participant holds a place already
     */
    void update(Entry entry, List<Object> events);

    Optional<Entry> find(String id);

    /** The entry if it belongs to the subtree at {@code scopePath} or its competition is organised there. */
    Optional<Entry> findWithin(String id, String scopePath);

    /** The entry if the account registered it itself or the member is one of its participants. */
    Optional<Entry> findOwn(String id, String accountSubject, String memberId);

    Optional<Entry> findAdvanced(String competitionId, String fromEntryId);

    /** The position of the first participant of {@code entry} whose place another entry holds, or -1. */
    int firstTakenPlace(Entry entry);

    List<Entry> list(Filter filter, int page, int size);

    long count(Filter filter);

    /**
     * @param competitionId   entries of this competition, or null
     * @param withinOrgPath   entries of unions in this subtree, or null
     * @param ownerSubject    together with ownerMemberId: the signed-in worker's own entries, or null
     */
    record Filter(String competitionId, EntryStatus status, String trade, EntrantType entrantType,
                  String withinOrgPath, String ownerSubject, String ownerMemberId) {
    }

    class AlreadyRegistered extends RuntimeException {
        public AlreadyRegistered() {
            super("a participant is registered already");
        }
    }

    class AlreadyAdvanced extends RuntimeException {
        public AlreadyAdvanced() {
            super("the entry was advanced already");
        }
    }

    class ConcurrentChange extends RuntimeException {
        public ConcurrentChange(String id) {
            super("entry " + id + " was changed concurrently");
        }
    }
}
