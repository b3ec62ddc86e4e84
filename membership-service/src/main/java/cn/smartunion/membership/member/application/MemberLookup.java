package cn.smartunion.membership.member.application;

import cn.smartunion.membership.member.domain.Member;
import cn.smartunion.membership.member.domain.Members;
import org.springframework.stereotype.Service;

import java.util.Optional;

/**
 * Questions other features of this service ask about a person's membership before acting (joining asks whether an
 * applicant is a member already, and whether an approval it is resuming already produced the member). Trusted
 * callers only: the answers are yes/no or an id the caller created itself, never where someone is a member.
 */
@Service
public class MemberLookup {

    private final Members members;

    public MemberLookup(Members members) {
        this.members = members;
    }

    /** True while the person with this citizen ID blind index is a member (active, retained or in transfer). */
    public boolean isMember(String personKey) {
        return members.findByPersonKey(personKey).map(m -> m.status().isMember()).orElse(false);
    }

    /** True when this account is linked to a member record that is still a membership. */
    public boolean accountIsMember(String accountSubject) {
        return members.findByAccount(accountSubject).map(m -> m.status().isMember()).orElse(false);
    }

    /**
     * The id of the person's member record if that record's current membership came from {@code applicationId}, so
     * an approval interrupted after registering the member can finish without registering again.
     */
    public Optional<String> memberJoinedThrough(String personKey, String applicationId) {
        return members.findByPersonKey(personKey)
                .filter(m -> m.status().isMember() && applicationId.equals(m.joining().applicationId()))
                .map(Member::id);
    }
}
