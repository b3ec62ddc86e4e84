package cn.smartunion.aid.web;

import cn.smartunion.runtime.problem.FieldRuleViolation;

/**
 * A request field breaks a rule the annotations cannot express (answered 400 {@code validation} naming the field by
 * the runtime's problem handler). The message is for the client and never carries the value.
 */
public class AidRuleViolation extends FieldRuleViolation {

    public AidRuleViolation(String field, String message) {
        super(field, message);
    }

    public AidRuleViolation(String field, String message, Throwable cause) {
        super(field, message, cause);
    }
}
