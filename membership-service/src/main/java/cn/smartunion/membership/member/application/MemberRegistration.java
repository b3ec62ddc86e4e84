package cn.smartunion.membership.member.application;

import cn.smartunion.contracts.membership.MemberActivated;
import cn.smartunion.membership.member.domain.Actor;
import cn.smartunion.membership.member.domain.Admission;
import cn.smartunion.membership.member.domain.Employment;
import cn.smartunion.membership.member.domain.GroupTagCatalogue;
import cn.smartunion.membership.member.domain.Joining;
import cn.smartunion.membership.member.domain.Member;
import cn.smartunion.membership.member.domain.MemberRuleViolation;
import cn.smartunion.membership.member.domain.Members;
import cn.smartunion.membership.member.domain.OrgRef;
import cn.smartunion.membership.member.domain.Person;
import cn.smartunion.membership.member.domain.UnionOrgs;
import cn.smartunion.runtime.problem.ConflictException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Registering members (入会): one person, one member record province-wide. A new person is inserted in one
 * single-document write carrying its {@code MemberActivated} in the outbox (no Kafka call here, so imports stay
 * fast); a person who is already a member anywhere is reported without saying where; a former member's record is
 * re-activated ({@code firstJoin=false}).
 *
 * <p>Scope: {@link #register(RegisterMember)} trusts its caller to have checked that the acting user may add members
 * to the union (e.g. an import job for its batch's union); {@link #register(RegisterMember, OrgPrincipal)} checks it
 * itself.
 */
@Service
public class MemberRegistration {

    private static final Logger log = LoggerFactory.getLogger(MemberRegistration.class);
    private static final int MAX_ATTEMPTS = 3;

    private final Members members;
    private final UnionOrgs orgs;
    private final MemberPersonalData personalData;
    private final GroupTagCatalogue groupTags;
    private final Clock clock;

    public MemberRegistration(Members members, UnionOrgs orgs, MemberPersonalData personalData,
                              GroupTagCatalogue groupTags, Clock clock) {
        this.members = members;
        this.orgs = orgs;
        this.personalData = personalData;
        this.groupTags = groupTags;
        this.clock = clock;
    }

    /**
     * Registers the person in the command.
     *
     * @throws MemberRuleViolation naming the field, for invalid input (bad citizen ID check digit, unknown group tag,
     *                             unknown or dissolved union …)
     * @throws ConflictException   when the command's account is already linked to another member record
     */
    public Registration register(RegisterMember command) {
        return register(command, null);
    }

    /**
     * As {@link #register(RegisterMember)}, for a caller acting on a worker's behalf: the union must lie in the
     * caller's subtree, otherwise it is reported as unknown ({@code orgId}), like a union that does not exist.
     */
    public Registration register(RegisterMember command, OrgPrincipal caller) {
        Objects.requireNonNull(command, "command");
        Admission admission = admission(command, caller);
        for (int attempt = 1; ; attempt++) {
            try {
                return admit(admission);
            } catch (Members.ConcurrentUpdate | Members.DuplicatePerson raced) {
                if (attempt == MAX_ATTEMPTS) {
                    throw new ConflictException("The member record was changed by another request; try again");
                }
            }
        }
    }

    private Admission admission(RegisterMember command, OrgPrincipal caller) {
        Person person = personalData.seal(command.legalName(), command.citizenIdNumber(), command.mobilePhone());
        Employment employment = employment("employment.", command.employment());
        Joining joining = new Joining(command.joinChannel(), command.campaignId(), command.applicationId(),
                command.enrolmentBatchId());
        if (command.actorKind() == null) {
            throw new MemberRuleViolation("actorKind", "is required");
        }
        Actor actor = new Actor(command.actorKind(), command.actorSubject());
        LocalDate effectiveOn = command.effectiveOn() != null ? command.effectiveOn()
                : LocalDate.ofInstant(clock.instant(), Member.CHINA);
        OrgRef org = resolveOrg(command.orgId(), caller);
        return new Admission(person, org, employment, command.groupTags(), joining, actor, command.accountSubject(),
                effectiveOn);
    }

    private Registration admit(Admission admission) {
        Instant now = clock.instant();
        Member.Registered registered = Member.register(UUID.randomUUID().toString(), admission, groupTags, now);
        try {
            members.add(registered);
            return new Registration.Activated(registered.member().id(), true);
        } catch (Members.DuplicatePerson existingPerson) {
            Member existing = members.findByPersonKey(admission.person().personKey()).orElseThrow(() -> existingPerson);
            if (existing.status().isMember()) {
                return new Registration.AlreadyMember();
            }
            MemberActivated event = existing.rejoin(admission, groupTags, now);
            List<Object> events = new ArrayList<>(List.of(event));
            existing.accountLinkedEvent(now).ifPresent(events::add);
            try {
                members.update(existing, events);
            } catch (Members.DuplicateAccount account) {
                throw accountTaken();
            }
            log.info("member re-activated memberId={} orgId={} channel={}", existing.id(), admission.org().id(),
                    admission.joining().channel());
            return new Registration.Activated(existing.id(), false);
        } catch (Members.DuplicateAccount account) {
            boolean alreadyMember = members.findByPersonKey(admission.person().personKey())
                    .map(m -> m.status().isMember()).orElse(false);
            if (alreadyMember) {
                return new Registration.AlreadyMember();
            }
            throw accountTaken();
        }
    }

    private OrgRef resolveOrg(String orgId, OrgPrincipal caller) {
        if (orgId == null || orgId.isBlank()) {
            throw new MemberRuleViolation("orgId", "is required");
        }
        UnionOrgs.UnionOrg org = orgs.find(orgId.strip())
                .filter(found -> caller == null || MemberAccess.covers(caller, found.path()))
                .orElseThrow(() -> new MemberRuleViolation("orgId", "no such union organisation"));
        if (org.dissolved()) {
            throw new MemberRuleViolation("orgId", "the union organisation has been dissolved and takes no members");
        }
        return org.ref();
    }

    /** Validated employment, {@code prefix} naming where its fields sit in the caller's input; null for none. */
    public static Employment employment(String prefix, EmploymentDetails details) {
        if (details == null) {
            return null;
        }
        String creditCode = MemberPersonalData.creditCode(prefix + "employerCreditCode", details.employerCreditCode());
        return Employment.of(prefix, details.employerName(), creditCode, details.employmentForm(),
                details.platforms());
    }

    private static ConflictException accountTaken() {
        return new ConflictException("This account is already linked to another member record");
    }
}
