package cn.smartunion.competition.judging.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash chain over a competition's score ledger: {@code hash = HMAC-SHA256(key, canonical(fields) + prevHash)}.
 * The first entry links to {@link #GENESIS}. Changing any stored field, removing or reordering entries breaks the
 * chain at that entry; without the key a tamperer cannot recompute the hashes that follow.
 */
public final class LedgerChain {

    public static final String GENESIS = "0".repeat(64);

    private final byte[] key;

    public LedgerChain(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the ledger key needs at least 32 bytes");
        }
        this.key = key.clone();
    }

    /** The next entry after {@code previous} (null for the first), with its link and hash. */
    public LedgerEntry append(LedgerEntry previous, String competitionId, LedgerEntry.Kind kind, String stage,
                              String entryId, String criterion, String judgeMemberId, BigDecimal value,
                              Long correctsSeq, String appealId, String reason, String recordedBy,
                              Instant recordedAt) {
        long seq = previous == null ? 1 : previous.seq() + 1;
        String prevHash = previous == null ? GENESIS : previous.hash();
        LedgerEntry unsigned = new LedgerEntry(competitionId, seq, kind, stage, entryId, criterion, judgeMemberId,
                value, correctsSeq, appealId, reason, recordedBy, recordedAt, prevHash, null);
        return new LedgerEntry(competitionId, seq, kind, stage, entryId, criterion, judgeMemberId, value, correctsSeq,
                appealId, reason, recordedBy, recordedAt, prevHash, hashOf(unsigned));
    }

    public String hashOf(LedgerEntry entry) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(canonical(entry).getBytes(StandardCharsets.UTF_8));
            mac.update(String.valueOf(entry.prevHash()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        }
        catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is not available", impossible);
        }
    }

    /** Length-prefixed fields in a fixed order, so no two different entries share a canonical form. */
    static String canonical(LedgerEntry e) {
        StringBuilder out = new StringBuilder();
        field(out, "competitionId", e.competitionId());
        field(out, "seq", Long.toString(e.seq()));
        field(out, "kind", e.kind() == null ? null : e.kind().name());
        field(out, "stage", e.stage());
        field(out, "entryId", e.entryId());
        field(out, "criterion", e.criterion());
        field(out, "judgeMemberId", e.judgeMemberId());
        field(out, "value", e.value() == null ? null : e.value().stripTrailingZeros().toPlainString());
        field(out, "correctsSeq", e.correctsSeq() == null ? null : e.correctsSeq().toString());
        field(out, "appealId", e.appealId());
        field(out, "reason", e.reason());
        field(out, "recordedBy", e.recordedBy());
        field(out, "recordedAt", e.recordedAt() == null ? null : Long.toString(e.recordedAt().toEpochMilli()));
        return out.toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(name).append('=');
        if (value == null) {
            out.append('-');
        }
        else {
            out.append(value.length()).append(':').append(value);
        }
        out.append('\n');
    }

    /** Walks entries in seq order, as stored, and reports the first that breaks the chain. */
    public Verifier verifier() {
        return new Verifier();
    }

    public final class Verifier {

        private long expectedSeq = 1;
        private String previousHash = GENESIS;
        private long count;
        private Verification.Problem problem;
        private Long firstInvalidSeq;

        public void accept(LedgerEntry entry) {
            count++;
            if (problem != null) {
                return;
            }
            if (entry.seq() != expectedSeq) {
                fail(Verification.Problem.GAP, expectedSeq);
                return;
            }
            if (!previousHash.equals(entry.prevHash())) {
                fail(Verification.Problem.BROKEN_LINK, entry.seq());
                return;
            }
            if (!hashOf(entry).equals(entry.hash())) {
                fail(Verification.Problem.HASH_MISMATCH, entry.seq());
                return;
            }
            previousHash = entry.hash();
            expectedSeq++;
        }

        private void fail(Verification.Problem found, long seq) {
            problem = found;
            firstInvalidSeq = seq;
        }

        public Verification result() {
            return new Verification(problem == null, count, count == 0 ? null : previousHash, firstInvalidSeq,
                    problem);
        }
    }

    /**
     * @param headHash the hash of the last valid entry (null for an empty ledger)
     * @param firstInvalidSeq the seq where the chain breaks, null when valid
     */
    public record Verification(boolean valid, long entries, String headHash, Long firstInvalidSeq, Problem problem) {

        public enum Problem {
            HASH_MISMATCH, BROKEN_LINK, GAP
        }
    }
}
