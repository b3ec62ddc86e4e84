package cn.smartunion.competition.judging.application;

/**
 * A judge submitted a different value for a score they (or, for a measurement, the panel) already recorded: scores
 * are final once submitted (409 {@code score-final}). Changes go through an appeal.
 */
public class ScoreFinal extends RuntimeException {

    private final String criterion;
    private final long ledgerSeq;

    public ScoreFinal(String criterion, long ledgerSeq) {
        super("the score for criterion " + criterion + " is final (ledger entry " + ledgerSeq + ")");
        this.criterion = criterion;
        this.ledgerSeq = ledgerSeq;
    }

    public String criterion() {
        return criterion;
    }

    public long ledgerSeq() {
        return ledgerSeq;
    }
}
