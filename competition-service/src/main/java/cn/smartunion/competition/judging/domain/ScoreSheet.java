package cn.smartunion.competition.judging.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The marks of a stage's entries as the ledger holds them: the first score per (entry, criterion, judge), replaced by
 * its latest correction. A measurement criterion earns the marks awarded; a judgement criterion earns
 * mean(judges' 0–3 scores) / 3 × max. Judgement scores of one entry and criterion more than 1 point apart are
 * flagged (WorldSkills practice), not refused.
 */
public final class ScoreSheet {

    static final int SCALE = 4;
    private static final BigDecimal THREE = BigDecimal.valueOf(3);

    private final MarkingScheme scheme;
    private final Map<String, Map<String, Map<String, Scored>>> byEntry = new LinkedHashMap<>();

    /** One judge's effective score of a criterion, with the ledger seq it comes from. */
    public record Scored(String judgeMemberId, BigDecimal value, long seq, boolean corrected) {
    }

    public ScoreSheet(MarkingScheme scheme, Collection<LedgerEntry> ledger) {
        this.scheme = scheme;
        Map<Long, LedgerEntry> scores = new HashMap<>();
        List<LedgerEntry> ordered = new ArrayList<>(ledger);
        ordered.sort((a, b) -> Long.compare(a.seq(), b.seq()));
        for (LedgerEntry e : ordered) {
            if (!scheme.stage().equals(e.stage())) {
                continue;
            }
            if (e.kind() == LedgerEntry.Kind.SCORE) {
                Map<String, Scored> judges = judgesOf(e.entryId(), e.criterion());
                if (!judges.containsKey(e.judgeMemberId())) {
                    judges.put(e.judgeMemberId(), new Scored(e.judgeMemberId(), e.value(), e.seq(), false));
                    scores.put(e.seq(), e);
                }
            }
            else {
                LedgerEntry original = scores.get(e.correctsSeq());
                if (original != null) {
                    judgesOf(original.entryId(), original.criterion()).put(original.judgeMemberId(),
                            new Scored(original.judgeMemberId(), e.value(), e.seq(), true));
                }
            }
        }
    }

    private Map<String, Scored> judgesOf(String entryId, String criterion) {
        return byEntry.computeIfAbsent(entryId, k -> new LinkedHashMap<>())
                .computeIfAbsent(criterion, k -> new LinkedHashMap<>());
    }

    public EntryMarks marksOf(String entryId) {
        Map<String, Map<String, Scored>> criteria = byEntry.getOrDefault(entryId, Map.of());
        List<CriterionMarks> lines = new ArrayList<>();
        for (Criterion c : scheme.criteria()) {
            List<Scored> scored = List.copyOf(criteria.getOrDefault(c.code(), Map.of()).values());
            lines.add(CriterionMarks.of(c, scored, scheme.minJudges()));
        }
        return new EntryMarks(entryId, lines);
    }

    /**
     * When the entry's sheet became complete: the first ledger entry after which every criterion is scored
     * (judgement criteria by at least the scheme's minimum judges), and the entry's total at that point. The same
     * ledger always gives the same answer, whoever asks and however often.
     *
     * @param ledger the stage's ledger entries (any order; entries of other entries and stages are ignored)
     */
    public static java.util.Optional<Completion> completion(MarkingScheme scheme, String entryId,
                                                            Collection<LedgerEntry> ledger) {
        List<LedgerEntry> ofEntry = new ArrayList<>();
        for (LedgerEntry e : ledger) {
            if (scheme.stage().equals(e.stage()) && entryId.equals(e.entryId())) {
                ofEntry.add(e);
            }
        }
        ofEntry.sort((a, b) -> Long.compare(a.seq(), b.seq()));
        for (int upTo = 1; upTo <= ofEntry.size(); upTo++) {
            EntryMarks marks = new ScoreSheet(scheme, ofEntry.subList(0, upTo)).marksOf(entryId);
            if (marks.complete()) {
                return java.util.Optional.of(new Completion(entryId, ofEntry.get(upTo - 1), marks.total()));
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * @param completedBy the ledger entry that completed the sheet (the ledger's head when it was appended)
     * @param totalMarks  the entry's total then, two decimals
     */
    public record Completion(String entryId, LedgerEntry completedBy, BigDecimal totalMarks) {
    }

    /** The effective score of one (entry, criterion, judge), when there is one. */
    public java.util.Optional<Scored> scored(String entryId, String criterion, String judgeMemberId) {
        return java.util.Optional.ofNullable(byEntry.getOrDefault(entryId, Map.of())
                .getOrDefault(criterion, Map.of()).get(judgeMemberId));
    }

    /**
     * @param marks  the criterion's marks, null until complete
     * @param spread for judgement criteria, max − min of the judges' scores
     */
    public record CriterionMarks(Criterion criterion, List<Scored> scores, boolean complete, BigDecimal marks,
                                 BigDecimal spread, boolean spreadFlagged) {

        static CriterionMarks of(Criterion c, List<Scored> scores, int minJudges) {
            BigDecimal max = BigDecimal.valueOf(c.maxMarks());
            if (c.kind() == CriterionKind.MEASUREMENT) {
                boolean complete = !scores.isEmpty();
                return new CriterionMarks(c, scores, complete,
                        complete ? scores.get(0).value().setScale(SCALE, RoundingMode.HALF_UP) : null, null, false);
            }
            boolean complete = scores.size() >= minJudges;
            BigDecimal marks = null;
            BigDecimal spread = null;
            if (!scores.isEmpty()) {
                BigDecimal sum = scores.stream().map(Scored::value).reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal highest = scores.stream().map(Scored::value).reduce(BigDecimal::max).orElseThrow();
                BigDecimal lowest = scores.stream().map(Scored::value).reduce(BigDecimal::min).orElseThrow();
                spread = highest.subtract(lowest);
                if (complete) {
                    marks = sum.multiply(max).divide(THREE.multiply(BigDecimal.valueOf(scores.size())), SCALE,
                            RoundingMode.HALF_UP);
                }
            }
            return new CriterionMarks(c, scores, complete, marks, spread,
                    spread != null && spread.compareTo(BigDecimal.ONE) > 0);
        }
    }

    public record EntryMarks(String entryId, List<CriterionMarks> criteria) {

        public boolean complete() {
            return criteria.stream().allMatch(CriterionMarks::complete);
        }

        /** Sum of the criteria's marks, two decimals (only meaningful when complete). */
        public BigDecimal total() {
            return sum(null).setScale(2, RoundingMode.HALF_UP);
        }

        public BigDecimal total(CriterionKind kind) {
            return sum(kind);
        }

        public BigDecimal marksOf(String criterion) {
            return criteria.stream().filter(c -> c.criterion().code().equals(criterion) && c.marks() != null)
                    .map(CriterionMarks::marks).findFirst().orElse(BigDecimal.ZERO);
        }

        private BigDecimal sum(CriterionKind kind) {
            return criteria.stream().filter(c -> c.marks() != null)
                    .filter(c -> kind == null || c.criterion().kind() == kind)
                    .map(CriterionMarks::marks).reduce(BigDecimal.ZERO.setScale(SCALE), BigDecimal::add);
        }
    }
}
