package cn.smartunion.membership.member.domain;

/**
 * Input that breaks a rule of the member record, naming the offending field as the client wrote it (e.g.
 * {@code citizenIdNumber}, {@code employment.employerCreditCode}, {@code groupTags}). Answered as a 400 field
 * violation; an import job reports it as the row's reason. The message never contains the rejected value when that
 * value is personal data.
 */
public class MemberRuleViolation extends RuntimeException {

    private final String field;

    public MemberRuleViolation(String field, String message) {
        this(field, message, null);
    }

    public MemberRuleViolation(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
