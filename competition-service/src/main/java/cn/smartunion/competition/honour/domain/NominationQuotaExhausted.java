package cn.smartunion.competition.honour.domain;

/** The nominating union used all the nominations the selection allows it (answered 409 {@code nomination-quota-exhausted}). */
public class NominationQuotaExhausted extends RuntimeException {

    private final int quota;

    public NominationQuotaExhausted(int quota) {
        super("the nominating union has used its quota of " + quota + " nominations in this selection");
        this.quota = quota;
    }

    public int quota() {
        return quota;
    }
}
