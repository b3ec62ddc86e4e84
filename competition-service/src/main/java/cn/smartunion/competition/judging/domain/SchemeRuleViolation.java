package cn.smartunion.competition.judging.domain;

/** A marking scheme, panel or score breaks a rule; {@code field} names the request field concerned. */
public class SchemeRuleViolation extends RuntimeException {

    private final String field;

    public SchemeRuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
