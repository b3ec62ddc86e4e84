package cn.smartunion.competition.judging.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerChainTest {

    private final LedgerChain chain = new LedgerChain(new byte[32]);

    private List<LedgerEntry> threeEntries() {
        List<LedgerEntry> entries = new ArrayList<>();
        LedgerEntry head = null;
        for (int i = 1; i <= 3; i++) {
            head = chain.append(head, "c-1", LedgerEntry.Kind.SCORE, "FINAL", "e-" + i, "FINISH", "j-1",
                    BigDecimal.valueOf(2), null, null, null, "sub", Instant.parse("2026-05-01T08:00:00Z"));
            entries.add(head);
        }
        return entries;
    }

    private LedgerChain.Verification verify(List<LedgerEntry> entries) {
        LedgerChain.Verifier verifier = chain.verifier();
        entries.forEach(verifier::accept);
        return verifier.result();
    }

    @Test
    void anUntouchedChainVerifiesAndLinksEachEntryToThePrevious() {
        List<LedgerEntry> entries = threeEntries();

        LedgerChain.Verification result = verify(entries);

        assertThat(result.valid()).isTrue();
        assertThat(result.entries()).isEqualTo(3);
        assertThat(result.headHash()).isEqualTo(entries.get(2).hash());
        assertThat(entries.get(0).prevHash()).isEqualTo(LedgerChain.GENESIS);
        assertThat(entries.get(1).prevHash()).isEqualTo(entries.get(0).hash());
    }

    @Test
    void aChangedValueIsAHashMismatchAtItsSeq() {
        List<LedgerEntry> entries = threeEntries();
        LedgerEntry e = entries.get(1);
        entries.set(1, new LedgerEntry(e.competitionId(), e.seq(), e.kind(), e.stage(), e.entryId(), e.criterion(),
                e.judgeMemberId(), BigDecimal.valueOf(3), null, null, null, e.recordedBy(), e.recordedAt(),
                e.prevHash(), e.hash()));

        LedgerChain.Verification result = verify(entries);

        assertThat(result.valid()).isFalse();
        assertThat(result.problem()).isEqualTo(LedgerChain.Verification.Problem.HASH_MISMATCH);
        assertThat(result.firstInvalidSeq()).isEqualTo(2);
        assertThat(result.headHash()).isEqualTo(entries.get(0).hash());
    }

    @Test
    void aRemovedEntryIsAGapAndARehashedOneBreaksTheNextLink() {
        List<LedgerEntry> gap = threeEntries();
        gap.remove(1);
        assertThat(verify(gap).problem()).isEqualTo(LedgerChain.Verification.Problem.GAP);
        assertThat(verify(gap).firstInvalidSeq()).isEqualTo(2);

        List<LedgerEntry> rehashed = threeEntries();
        LedgerEntry e = rehashed.get(1);
        LedgerEntry forged = new LedgerEntry(e.competitionId(), e.seq(), e.kind(), e.stage(), e.entryId(),
                e.criterion(), e.judgeMemberId(), BigDecimal.ONE, null, null, null, e.recordedBy(), e.recordedAt(),
                e.prevHash(), null);
        rehashed.set(1, new LedgerEntry(e.competitionId(), e.seq(), e.kind(), e.stage(), e.entryId(), e.criterion(),
                e.judgeMemberId(), BigDecimal.ONE, null, null, null, e.recordedBy(), e.recordedAt(), e.prevHash(),
                chain.hashOf(forged)));
        assertThat(verify(rehashed).problem()).isEqualTo(LedgerChain.Verification.Problem.BROKEN_LINK);
        assertThat(verify(rehashed).firstInvalidSeq()).isEqualTo(3);
    }

    @Test
    void anotherKeyGivesOtherHashes() {
        LedgerEntry mine = threeEntries().get(0);
        LedgerChain other = new LedgerChain("another key of thirty-two bytes!".getBytes());
        assertThat(other.hashOf(mine)).isNotEqualTo(mine.hash());
    }
}
