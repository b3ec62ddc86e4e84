package cn.smartunion.membership.joining.domain;

import cn.smartunion.contracts.membership.JoinChannel;
import cn.smartunion.membership.member.domain.Actor;
import cn.smartunion.membership.member.domain.Employment;
import cn.smartunion.membership.member.domain.OrgRef;
import cn.smartunion.membership.member.domain.Person;

import java.util.List;
import java.util.Objects;

/**
 * What an application to join says, already validated and sealed by the caller.
 *
 * @param applicant   the worker who wants to join (the subject of the application), personal data sealed
 * @param target      the receiving union
 * @param employment  null when not declared
 * @param groupTags   requested worker-group tags, checked against the configured catalogue
 * @param campaignId  the campaign or project the joining counts for, null for none
 * @param submittedBy the worker themself ({@code MEMBER}, subject = their account) or staff entering it on the
 *                    worker's behalf ({@code STAFF}, subject = the staff member's account)
 */
public record ApplicationForm(Person applicant, OrgRef target, Employment employment, List<String> groupTags,
                              JoinChannel channel, String campaignId, Actor submittedBy) {

    public ApplicationForm {
        Objects.requireNonNull(applicant, "applicant");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(submittedBy, "submittedBy");
        groupTags = groupTags == null ? List.of() : groupTags;
    }
}
