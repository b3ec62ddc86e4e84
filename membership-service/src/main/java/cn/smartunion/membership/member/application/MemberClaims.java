package cn.smartunion.membership.member.application;

import cn.smartunion.contracts.membership.MemberAccountLinked;
import cn.smartunion.membership.member.domain.Member;
import cn.smartunion.membership.member.domain.MemberRuleViolation;
import cn.smartunion.membership.member.domain.Members;
import cn.smartunion.runtime.problem.ConflictException;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A logged-in worker claims the member record staff entered for them (e.g. at a mobile window): citizen ID number and
 * legal name must match the record. A wrong pair and an unknown person get the same answer, and every attempt is
 * logged with its outcome and the account, never with the values tried.
 */
@Service
public class MemberClaims {

    private static final Logger audit = LoggerFactory.getLogger("cn.smartunion.audit.membership");

    private final Members members;
    private final PersonMatching matching;
    private final Clock clock;

    public MemberClaims(Members members, PersonMatching matching, Clock clock) {
        this.members = members;
        this.matching = matching;
        this.clock = clock;
    }

    public Member claim(OrgPrincipal caller, String citizenIdNumber, String legalName) {
        MemberAccess.requireMember(caller);
        Optional<Member> match;
        try {
            match = matching.match(citizenIdNumber, legalName).member();
        } catch (MemberRuleViolation invalid) {
            audit.info("member claim outcome=INVALID_INPUT field={} accountSubject={}", invalid.field(),
                    caller.subject());
            throw invalid;
        }
        if (match.isEmpty()) {
            audit.info("member claim outcome=NO_MATCH accountSubject={}", caller.subject());
            throw new NotFoundException("no member record matches this citizen ID number and name");
        }
        Member member = match.get();
        Optional<Member> linked = members.findByAccount(caller.subject());
        if (linked.isPresent() && !linked.get().id().equals(member.id())) {
            audit.info("member claim outcome=ACCOUNT_HAS_OTHER_RECORD accountSubject={}", caller.subject());
            throw new ConflictException("This account is already linked to another member record");
        }
        try {
            Optional<MemberAccountLinked> linkedEvent = member.linkAccount(caller.subject(), clock.instant());
            if (linkedEvent.isPresent()) {
                members.update(member, List.of(linkedEvent.get()));
            }
        } catch (Member.AccountAlreadyLinked | Members.DuplicateAccount e) {
            audit.info("member claim outcome=RECORD_LINKED_TO_OTHER_ACCOUNT memberId={} accountSubject={}",
                    member.id(), caller.subject());
            throw new ConflictException(
                    "This member record is already linked to another account; ask your union to check it");
        } catch (Members.ConcurrentUpdate raced) {
            throw new ConflictException("The member record was changed by another request; try again");
        }
        audit.info("member claim outcome=LINKED memberId={} accountSubject={}", member.id(), caller.subject());
        return member;
    }
}
