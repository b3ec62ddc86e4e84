package cn.smartunion.competition.innovation.application;

import cn.smartunion.competition.access.CompetitionAccess;
import cn.smartunion.competition.honour.application.CreditCodes;
import cn.smartunion.competition.innovation.domain.Innovation;
import cn.smartunion.competition.innovation.domain.Innovations;
import cn.smartunion.competition.members.domain.MemberDirectory;
import cn.smartunion.competition.members.domain.MemberView;
import cn.smartunion.competition.web.CompetitionStatusConflict;
import cn.smartunion.competition.web.NotEligible;
import cn.smartunion.competition.web.PageView;
import cn.smartunion.contracts.EventType;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.competition.InnovationOutcome;
import cn.smartunion.contracts.competition.InnovationType;
import cn.smartunion.runtime.orgdirectory.OrgDirectory;
import cn.smartunion.runtime.orgdirectory.OrgDirectoryEntry;
import cn.smartunion.runtime.personaldata.PersonRegistry;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Worker innovations: submitted by a member for themselves (their own union keeps it) or by union staff for a union in
 * their subtree; evaluated by the union's organisers or admins; the economic benefit of adopted ones recorded as
 * verified figures, each new figure a revision.
 */
@Service
public class InnovationSubmissions {

    private final Innovations innovations;
    private final MemberDirectory members;
    private final PersonRegistry people;
    private final OrgDirectory unions;
    private final Clock clock;

    InnovationSubmissions(Innovations innovations, MemberDirectory members, PersonRegistry people, OrgDirectory unions,
                          Clock clock) {
        this.innovations = innovations;
        this.members = members;
        this.people = people;
        this.unions = unions;
        this.clock = clock;
    }

    public record PersonAuthor(String citizenIdNumber, String legalName) {

        @Override
        public String toString() {
            return "PersonAuthor[***]";
        }
    }

    /** @param orgId the union keeping it; ignored when a member submits (their own union keeps it) */
    public record Submit(String orgId, InnovationType type, String title, String summary, String unitCreditCode,
                         List<String> memberIds, List<PersonAuthor> persons, boolean patent) {

        @Override
        public String toString() {
            return "Submit[" + type + "]";
        }
    }

    public Innovation submit(Submit command, OrgPrincipal caller) {
        boolean staff = caller.hasRole(CompetitionAccess.ORGANISER) || caller.hasRole(CompetitionAccess.UNION_ADMIN);
        String orgId;
        String orgPath;
        List<Innovation.Author> authors = new ArrayList<>();
        if (staff) {
            OrgDirectoryEntry org = unions.activeWithin("orgId", command.orgId(), caller);
            orgId = org.orgId();
            orgPath = org.path();
        }
        else {
            CompetitionAccess.requireMember(caller);
            MemberView self = members.findByAccount(caller.subject()).filter(MemberView::isMember)
                    .orElseThrow(() -> new NotEligible(NotEligible.Reason.NOT_A_MEMBER,
                            "no active member record is linked to this account"));
            orgId = self.orgId();
            orgPath = self.orgPath();
            authors.add(new Innovation.Author(self.memberId(), null));
        }
        List<String> memberIds = command.memberIds() == null ? List.of() : command.memberIds();
        for (int i = 0; i < memberIds.size(); i++) {
            MemberView member = members.find(memberIds.get(i))
                    .filter(m -> !staff || caller.covers(m.orgPath()))
                    .orElseThrow(() -> new NotFoundException("member not found"));
            if (!member.isMember()) {
                throw new NotEligible(NotEligible.Reason.MEMBERSHIP_NOT_ACTIVE, i,
                        "the membership of memberIds[" + i + "] has ended");
            }
            authors.add(new Innovation.Author(member.memberId(), null));
        }
        List<PersonAuthor> persons = command.persons() == null ? List.of() : command.persons();
        for (int i = 0; i < persons.size(); i++) {
            authors.add(new Innovation.Author(null, people.register("persons[" + i + "]",
                    persons.get(i).citizenIdNumber(), persons.get(i).legalName()).personId()));
        }
        Innovation innovation = Innovation.submit(UUID.randomUUID().toString(), orgId, orgPath, command.type(),
                command.title().strip(), command.summary().strip(),
                CreditCodes.parse("unitCreditCode", command.unitCreditCode()), authors, command.patent(), !staff,
                caller.subject(), clock.instant());
        innovations.add(innovation, innovation.submitted());
        return innovation;
    }

    public Innovation evaluate(String id, InnovationOutcome outcome, String reason, LocalDate on,
                               OrgPrincipal caller) {
        CompetitionAccess.requireRegistrar(caller);
        Innovation evaluated = find(id, caller).evaluate(outcome, reason == null ? null : reason.strip(), on,
                caller.subject(), clock.instant());
        return store(evaluated, EventTypes.INNOVATION_EVALUATED, evaluated.evaluated(), caller);
    }

    public Innovation recordBenefit(String id, long amountFen, LocalDate from, LocalDate to, String verifiedBy,
                                    LocalDate verifiedOn, OrgPrincipal caller) {
        CompetitionAccess.requireRegistrar(caller);
        Innovation recorded = find(id, caller).recordBenefit(amountFen, from, to, verifiedBy.strip(), verifiedOn,
                caller.subject(), clock.instant());
        return store(recorded, EventTypes.INNOVATION_BENEFIT_RECORDED, recorded.benefitRecorded(), caller);
    }

    public Innovation get(String id, OrgPrincipal caller) {
        CompetitionAccess.requireReader(caller);
        return find(id, caller);
    }

    public PageView<Innovation> list(OrgPrincipal caller, Innovations.Filter filter, int page, int size) {
        CompetitionAccess.requireReader(caller);
        return new PageView<>(innovations.listWithin(caller.orgPath(), filter, page, size), page, size,
                innovations.countWithin(caller.orgPath(), filter));
    }

    /**
     * The signed-in member's innovations: those naming their member record among the authors, wherever kept. A
     * worker without a member record has none (an empty page, not 404).
     */
    public PageView<Innovation> mine(OrgPrincipal caller, int page, int size) {
        CompetitionAccess.requireMember(caller);
        return members.findByAccount(caller.subject())
                .map(member -> new PageView<>(innovations.ofAuthor(member.memberId(), page, size), page, size,
                        innovations.countOfAuthor(member.memberId())))
                .orElseGet(() -> new PageView<>(List.of(), page, size, 0));
    }

    private Innovation store(Innovation changed, EventType type, Object event, OrgPrincipal caller) {
        try {
            innovations.update(changed, type, event);
        }
        catch (Innovations.ConcurrentChange lost) {
            throw new CompetitionStatusConflict("the innovation", find(changed.id(), caller).status().name());
        }
        return changed;
    }

    private Innovation find(String id, OrgPrincipal caller) {
        if (!caller.hasOrgPath()) {
            throw new NotFoundException("innovation not found");
        }
        return innovations.findWithin(id, caller.orgPath())
                .orElseThrow(() -> new NotFoundException("innovation not found"));
    }
}
