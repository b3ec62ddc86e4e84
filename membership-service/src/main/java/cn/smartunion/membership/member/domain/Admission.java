package cn.smartunion.membership.member.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything a membership starts with, whether the person joins for the first time or returns after termination.
 *
 * @param employment     null when not declared
 * @param groupTags      requested tag codes, checked against the configured catalogue
 * @param accountSubject the Keycloak user id of the member's own account, null when the member has none (yet)
 * @param effectiveOn    the membership start date set by the admitting union
 */
public record Admission(Person person, OrgRef org, Employment employment, List<String> groupTags, Joining joining,
                        Actor actor, String accountSubject, LocalDate effectiveOn) {

    public Admission {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(joining, "joining");
        Objects.requireNonNull(actor, "actor");
        groupTags = groupTags == null ? List.of() : groupTags;
        accountSubject = AccountSubject.checkOptional("accountSubject", accountSubject);
    }
}
