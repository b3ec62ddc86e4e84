package cn.smartunion.aid.mutualaid.application;

import cn.smartunion.aid.access.AidAccess;
import cn.smartunion.aid.eligibility.domain.MemberRecord;
import cn.smartunion.aid.eligibility.domain.MemberRecords;
import cn.smartunion.aid.eligibility.domain.NotEligible;
import cn.smartunion.aid.eligibility.domain.SocialInsurance;
import cn.smartunion.aid.mutualaid.domain.Enrolment;
import cn.smartunion.aid.mutualaid.domain.Enrolments;
import cn.smartunion.aid.mutualaid.domain.MutualAidPlan;
import cn.smartunion.aid.mutualaid.domain.Plans;
import cn.smartunion.aid.programme.application.ProgrammeCatalogue;
import cn.smartunion.aid.programme.domain.Programme;
import cn.smartunion.aid.programme.domain.ProgrammeKind;
import cn.smartunion.aid.web.AidRuleViolation;
import cn.smartunion.aid.web.PageView;
import cn.smartunion.contracts.aid.ContributionPayer;
import cn.smartunion.contracts.aid.EnrolmentChannel;
import cn.smartunion.runtime.problem.ConflictException;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Enrolment (参保) in a plan for its plan year: by aid officers on a member's behalf (STAFF), by a member in the app
 * (SELF), or by a unit for many of its members at once (UNIT_BULK). The member must be known to aid-service, belong to
 * a union in the caller's subtree (404 otherwise) that the plan serves, and qualify for the programme on the
 * enrolment date (standing, social insurance); one enrolment per member, programme and plan year.
 *
 * <p>Staff may record an enrolment signed on paper up to {@value #MAX_BACKDATED_DAYS} days earlier
 * ({@code enrolledOn}); coverage starts on the enrolment date (the first day of the plan year when enrolled ahead of
 * it), never earlier.
 */
@Service
public class MutualAidEnrolments {

    public static final int MAX_BACKDATED_DAYS = 30;
    public static final int MAX_BULK = 1000;
    private static final Logger audit = LoggerFactory.getLogger("cn.smartunion.audit.aid");

    private final Plans plans;
    private final Enrolments enrolments;
    private final MemberRecords members;
    private final ProgrammeCatalogue catalogue;
    private final Clock clock;

    MutualAidEnrolments(Plans plans, Enrolments enrolments, MemberRecords members, ProgrammeCatalogue catalogue,
                        Clock clock) {
        this.plans = plans;
        this.enrolments = enrolments;
        this.members = members;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** @param enrolledOn the date the member signed up; null: today */
    public record Enrol(String planId, String memberId, ContributionPayer paidBy, SocialInsurance socialInsurance,
                        LocalDate enrolledOn) {
    }

    public record BulkEnrol(String planId, ContributionPayer paidBy, SocialInsurance socialInsurance,
                            List<String> memberIds) {
    }

    public enum Outcome { ENROLLED, ALREADY_ENROLLED, REFUSED }

    /** One member's result in a bulk enrolment; {@code reasons} are ineligibility codes or {@code MEMBER_NOT_FOUND}. */
    public record BulkResult(String memberId, Outcome outcome, String enrolmentId, List<String> reasons) {
    }

    /**
     * @throws ConflictException when the member is enrolled for the plan year already
     * @throws NotEligible       when the member does not qualify on the enrolment date
     */
    public Enrolment enrol(Enrol command, OrgPrincipal caller) {
        EnrolmentChannel channel;
        if (caller.hasRole(AidAccess.OFFICER) && caller.hasOrgPath()) {
            channel = EnrolmentChannel.STAFF;
        } else if (caller.hasRole(AidAccess.MEMBER) && caller.hasOrgPath()) {
            // the member id is trusted as the caller's own: accounts are not linked to member ids in aid-service yet
            channel = EnrolmentChannel.SELF;
            if (command.enrolledOn() != null && !command.enrolledOn().equals(today())) {
                throw new AidRuleViolation("enrolledOn", "members enrol for today only");
            }
        } else {
            throw new AccessDeniedException("enrolment needs the role aid-officer, or member for oneself");
        }
        MutualAidPlan plan = plan(command.planId(), caller);
        LocalDate enrolledOn = enrolmentDate(command.enrolledOn());
        Enrolment.Enrolled enrolled = enrolled(plan, command.memberId(), command.paidBy(),
                command.socialInsurance(), channel, enrolledOn, caller);
        enrolments.add(enrolled).ifPresent(existing -> {
            throw new ConflictException("the member is enrolled for plan year " + existing.planYear()
                    + " already (enrolment " + existing.id() + ")");
        });
        audit.info("mutual-aid enrolment enrolmentId={} planId={} memberId={} channel={} actorSubject={}",
                enrolled.enrolment().id(), plan.id(), command.memberId(), channel, caller.subject());
        return enrolled.enrolment();
    }

    /** Enrols each member independently; repeated, it answers ALREADY_ENROLLED for those enrolled before. */
    public List<BulkResult> enrolBulk(BulkEnrol command, OrgPrincipal caller) {
        AidAccess.requireOfficer(caller);
        MutualAidPlan plan = plan(command.planId(), caller);
        LocalDate today = today();
        List<BulkResult> results = new ArrayList<>();
        for (String memberId : new LinkedHashSet<>(command.memberIds())) {
            try {
                Enrolment.Enrolled enrolled = enrolled(plan, memberId, command.paidBy(), command.socialInsurance(),
                        EnrolmentChannel.UNIT_BULK, today, caller);
                results.add(enrolments.add(enrolled)
                        .map(existing -> new BulkResult(memberId, Outcome.ALREADY_ENROLLED, existing.id(), List.of()))
                        .orElseGet(() -> new BulkResult(memberId, Outcome.ENROLLED, enrolled.enrolment().id(),
                                List.of())));
            } catch (NotEligible refused) {
                results.add(new BulkResult(memberId, Outcome.REFUSED, null,
                        refused.reasons().stream().map(Enum::name).toList()));
            } catch (NotFoundException unknown) {
                results.add(new BulkResult(memberId, Outcome.REFUSED, null, List.of("MEMBER_NOT_FOUND")));
            } catch (AidRuleViolation notServed) {
                results.add(new BulkResult(memberId, Outcome.REFUSED, null, List.of("PLAN_NOT_FOR_MEMBERS_UNION")));
            }
        }
        audit.info("mutual-aid bulk enrolment planId={} members={} enrolled={} actorSubject={}", plan.id(),
                results.size(), results.stream().filter(r -> r.outcome() == Outcome.ENROLLED).count(),
                caller.subject());
        return results;
    }

    public Enrolment get(String id, OrgPrincipal caller) {
        AidAccess.requireReader(caller);
        return enrolments.findWithin(id, caller.orgPath())
                .orElseThrow(() -> new NotFoundException("enrolment not found"));
    }

    public PageView<Enrolment> list(OrgPrincipal caller, String planId, String memberId, int page, int size) {
        AidAccess.requireReader(caller);
        return new PageView<>(enrolments.listWithin(caller.orgPath(), planId, memberId, page, size), page, size,
                enrolments.countWithin(caller.orgPath(), planId, memberId));
    }

    private Enrolment.Enrolled enrolled(MutualAidPlan plan, String memberId, ContributionPayer paidBy,
                                        SocialInsurance insurance, EnrolmentChannel channel, LocalDate enrolledOn,
                                        OrgPrincipal caller) {
        MemberRecord member = members.find(memberId).filter(m -> m.orgPath() != null && caller.covers(m.orgPath()))
                .orElseThrow(() -> new NotFoundException("member not found"));
        if (!member.orgPath().equals(plan.orgPath()) && !member.orgPath().startsWith(plan.orgPath() + "/")) {
            throw new AidRuleViolation("planId", "the plan does not serve the member's union");
        }
        if (enrolledOn.isAfter(plan.yearEnd())) {
            throw new AidRuleViolation("planId", "plan year " + plan.planYear() + " is over");
        }
        Programme programme = catalogue.usable("planId", plan.programmeCode(), ProgrammeKind.MUTUAL_AID,
                member.orgPath(), plan.cycle());
        ProgrammeCatalogue.requireEligible(programme, member.asApplicantOn(enrolledOn, insurance));
        return Enrolment.enrol(UUID.randomUUID().toString(), plan, memberId, member.orgId(), member.orgPath(),
                paidBy, channel, insurance, enrolledOn, caller.subject(), clock.instant());
    }

    private MutualAidPlan plan(String planId, OrgPrincipal caller) {
        return plans.findVisibleTo(planId, caller.orgPath())
                .orElseThrow(() -> new NotFoundException("mutual-aid plan not found"));
    }

    private LocalDate enrolmentDate(LocalDate requested) {
        LocalDate today = today();
        if (requested == null) {
            return today;
        }
        if (requested.isAfter(today)) {
            throw new AidRuleViolation("enrolledOn", "must not be in the future");
        }
        if (requested.isBefore(today.minusDays(MAX_BACKDATED_DAYS))) {
            throw new AidRuleViolation("enrolledOn", "must be within the last " + MAX_BACKDATED_DAYS + " days");
        }
        return requested;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(MutualAidPlans.CHINA));
    }
}
