package cn.smartunion.membership.member.domain;

/** The Keycloak user id of a member's own account, linking the token subject to the member record. */
final class AccountSubject {

    private AccountSubject() {
    }

    static String checkOptional(String field, String subject) {
        if (subject == null || subject.isBlank()) {
            return null;
        }
        String value = subject.strip();
        if (value.length() > 255 || value.chars().anyMatch(Character::isISOControl)) {
            throw new MemberRuleViolation(field, "must be at most 255 printable characters");
        }
        return value;
    }
}
