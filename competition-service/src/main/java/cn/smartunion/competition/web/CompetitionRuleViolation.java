package cn.smartunion.competition.web;

import cn.smartunion.runtime.problem.FieldRuleViolation;

/**
 * A request field breaks a rule the annotations cannot express (answered 400 {@code validation} naming the field by
 * the runtime's problem handler). The message is for the client and never carries the value.
 */
public class CompetitionRuleViolation extends FieldRuleViolation {

    public CompetitionRuleViolation(String field, String message) {
        super(field, message);
    }

    public CompetitionRuleViolation(String field, String message, Throwable cause) {
        super(field, message, cause);
    }
}
