package cn.smartunion.membership.member.application;

import cn.smartunion.membership.member.domain.Actor;
import cn.smartunion.membership.member.domain.GroupTagCatalogue;
import cn.smartunion.membership.member.domain.Member;
import cn.smartunion.membership.member.domain.Members;
import cn.smartunion.membership.member.domain.RetentionReason;
import cn.smartunion.membership.member.domain.TerminationReason;
import cn.smartunion.runtime.problem.ConflictException;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Changes staff make to a member record in their subtree: retain (保留会籍), reinstate, terminate, group tags and
 * employment. Each change is one conditional single-document write of the new state plus its event; a change that
 * lost a race with another is re-applied to the fresh state (and then may no longer be allowed: 409).
 */
@Service
public class MemberLifecycle {

    private static final Logger audit = LoggerFactory.getLogger("cn.smartunion.audit.membership");
    private static final int MAX_ATTEMPTS = 3;

    private final Members members;
    private final GroupTagCatalogue catalogue;
    private final Clock clock;

    public MemberLifecycle(Members members, GroupTagCatalogue catalogue, Clock clock) {
        this.members = members;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    public Member retain(String memberId, RetentionReason reason, LocalDate since, OrgPrincipal caller) {
        LocalDate date = since != null ? since : today();
        return change(memberId, caller, "retain",
                (member, now) -> List.of(member.retain(reason, date, Actor.staff(caller.subject()), now)));
    }

    public Member reinstate(String memberId, LocalDate effectiveOn, OrgPrincipal caller) {
        LocalDate date = effectiveOn != null ? effectiveOn : today();
        return change(memberId, caller, "reinstate",
                (member, now) -> List.of(member.reinstate(date, Actor.staff(caller.subject()), now)));
    }

    public Member terminate(String memberId, TerminationReason reason, LocalDate effectiveOn, OrgPrincipal caller) {
        LocalDate date = effectiveOn != null ? effectiveOn : today();
        return change(memberId, caller, "terminate",
                (member, now) -> List.of(member.terminate(reason, date, Actor.staff(caller.subject()), now)));
    }

    public Member changeGroupTags(String memberId, List<String> groupTags, OrgPrincipal caller) {
        return change(memberId, caller, "change-group-tags",
                (member, now) -> events(member.changeGroupTags(groupTags, catalogue, now)));
    }

    /** {@code employment} null clears the declared employment. */
    public Member changeEmployment(String memberId, EmploymentDetails employment, OrgPrincipal caller) {
        var changed = MemberRegistration.employment("", employment);
        return change(memberId, caller, "change-employment",
                (member, now) -> events(member.changeEmployment(changed, now)));
    }

    private Member change(String memberId, OrgPrincipal caller, String action,
                          BiFunction<Member, Instant, List<Object>> change) {
        MemberAccess.requireStaff(caller);
        for (int attempt = 1; ; attempt++) {
            Member member = members.findWithin(memberId, MemberAccess.scopeOf(caller))
                    .orElseThrow(() -> new NotFoundException("member not found"));
            List<Object> events = change.apply(member, clock.instant());
            if (events.isEmpty()) {
                return member;
            }
            try {
                members.update(member, events);
                audit.info("member changed action={} memberId={} actorSubject={}", action, memberId, caller.subject());
                return member;
            } catch (Members.ConcurrentUpdate raced) {
                if (attempt == MAX_ATTEMPTS) {
                    throw new ConflictException("The member record was changed by another request; try again");
                }
            }
        }
    }

    private static List<Object> events(Optional<?> event) {
        return event.<List<Object>>map(List::of).orElse(List.of());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Member.CHINA);
    }
}
