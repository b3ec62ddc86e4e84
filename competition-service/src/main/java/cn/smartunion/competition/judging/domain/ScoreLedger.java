package cn.smartunion.competition.judging.domain;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** A competition's append-only score ledger. */
public interface ScoreLedger {

    /**
     * Appends the entry {@code next} builds from the current head (null when empty), retrying with the new head when
     * another writer appended first. A score is kept once per stage, entry, criterion and judge: appending one that is
     * there already answers the entry already there.
     */
    LedgerEntry append(String competitionId, Function<LedgerEntry, LedgerEntry> next);

    Optional<LedgerEntry> find(String competitionId, long seq);

    List<LedgerEntry> ofStage(String competitionId, String stage);

    /** The entries (scores and corrections) of one entry in a stage, in seq order. */
    List<LedgerEntry> ofEntry(String competitionId, String stage, String entryId);

    /** The appeal's correction of the entry {@code correctsSeq}, when it was written. */
    Optional<LedgerEntry> correction(String competitionId, String appealId, long correctsSeq);

    /** Every entry in seq order, as stored. */
    void walk(String competitionId, Consumer<LedgerEntry> visitor);
}
