package cn.smartunion.competition.honour.domain;

/**
 * The approved individuals of a selection hold fewer frontline workers than its minimum share requires (answered 422
 * {@code frontline-share-not-met} with the numbers). Approve more frontline nominations or reject others first.
 */
public class FrontlineShareNotMet extends RuntimeException {

    private final long frontline;
    private final long individuals;
    private final long required;
    private final double minShare;

    public FrontlineShareNotMet(long frontline, long individuals, long required, double minShare) {
        super(frontline + " of " + individuals + " approved individuals are frontline workers; at least " + required
                + " are required (share " + minShare + ")");
        this.frontline = frontline;
        this.individuals = individuals;
        this.required = required;
        this.minShare = minShare;
    }

    public long frontline() { return frontline; }
    public long individuals() { return individuals; }
    public long required() { return required; }
    public double minShare() { return minShare; }
}
