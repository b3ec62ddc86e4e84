package cn.smartunion.competition.judging.application;

/** Keys of the score ledger that are not member ids. */
public final class ScoreSheetKeys {

    /**
     * The scorer recorded for measurement criteria: one objective value per entry, entered by any judge of the panel
     * (the ledger's {@code recordedBy} keeps who).
     */
    public static final String PANEL = "PANEL";

    private ScoreSheetKeys() {
    }
}
