package cn.smartunion.membership.joining.application;

import cn.smartunion.membership.joining.domain.Application;
import cn.smartunion.membership.joining.domain.ApplicationStatus;
import cn.smartunion.membership.joining.domain.Applications;
import cn.smartunion.membership.joining.domain.Approval;
import cn.smartunion.membership.joining.domain.IllegalApplicationTransition;
import cn.smartunion.membership.joining.domain.RejectionReason;
import cn.smartunion.membership.member.application.EmploymentDetails;
import cn.smartunion.membership.member.application.MemberAccess;
import cn.smartunion.membership.member.application.MemberLookup;
import cn.smartunion.membership.member.application.MemberPersonalData;
import cn.smartunion.membership.member.application.MemberRegistration;
import cn.smartunion.membership.member.application.RegisterMember;
import cn.smartunion.membership.member.application.Registration;
import cn.smartunion.membership.member.domain.Actor;
import cn.smartunion.membership.member.domain.Employment;
import cn.smartunion.membership.member.domain.Member;
import cn.smartunion.membership.member.domain.MemberRuleViolation;
import cn.smartunion.runtime.problem.ConflictException;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The receiving union decides (staff whose subtree contains the union; any other application is not found).
 *
 * <p>Approval without transactions, crash-safe and idempotent, in three single-document steps:
 * <ol>
 * <li>the application is marked APPROVING with the approver and effective date (a conditional write: of an approval
 *     and a rejection or withdrawal racing for the same application exactly one wins, the other gets 409);</li>
 * <li>the member is registered through {@link MemberRegistration} with the application's id. The person's unique
 *     index makes a repeat harmless: a member record that already came from this application counts as done;</li>
 * <li>the application is marked APPROVED with the member id (conditional again).</li>
 * </ol>
 * If the service stops between the steps the application stays APPROVING, and approving it again (any in-scope staff
 * member) finishes it with the recorded approver and date. Approving an application that is already APPROVED answers
 * it as it is. If registration refuses the applicant (a member already by another way, the union dissolved meanwhile,
 * the date before the birth date), the application goes back to SUBMITTED so staff can reject it or try again.
 *
 * <p>Maker-checker is not required: the staff member who entered an application on a worker's behalf may approve it
 * (the usual practice at mobile windows); both are recorded on the application.
 */
@Service
public class ApplicationReview {

    private static final Logger audit = LoggerFactory.getLogger("cn.smartunion.audit.membership");
    private static final Logger log = LoggerFactory.getLogger(ApplicationReview.class);
    private static final int MAX_ATTEMPTS = 3;

    private final Applications applications;
    private final MemberRegistration registration;
    private final MemberLookup members;
    private final MemberPersonalData personalData;
    private final Clock clock;

    public ApplicationReview(Applications applications, MemberRegistration registration, MemberLookup members,
                             MemberPersonalData personalData, Clock clock) {
        this.applications = applications;
        this.registration = registration;
        this.members = members;
        this.personalData = personalData;
        this.clock = clock;
    }

    /**
     * Approves the application: the applicant becomes a member from {@code effectiveOn} (null: today, Beijing time).
     *
     * @throws IllegalApplicationTransition when it was rejected or withdrawn
     * @throws MemberRuleViolation          when the date or the applicant's data no longer pass the member rules
     */
    public JoiningOutcome approve(String applicationId, LocalDate effectiveOn, OrgPrincipal caller) {
        MemberAccess.requireStaff(caller);
        Actor approver = Actor.staff(caller.subject());
        for (int attempt = 1; ; attempt++) {
            Application application = load(applicationId, caller);
            switch (application.status()) {
                case APPROVED -> {
                    return new JoiningOutcome.Recorded(application);
                }
                case APPROVING -> {
                    return finishApproval(application, caller);
                }
                case SUBMITTED -> {
                    application.approve(effectiveOn != null ? effectiveOn : today(), approver, clock.instant());
                    try {
                        applications.update(application, List.of());
                    } catch (Applications.ConcurrentUpdate raced) {
                        if (attempt == MAX_ATTEMPTS) {
                            throw changedMeanwhile();
                        }
                        continue;
                    }
                    return finishApproval(load(applicationId, caller), caller);
                }
                default -> throw new IllegalApplicationTransition(application.status(), "approved");
            }
        }
    }

    /** Rejects the application with a reason code (and a note, required for OTHER). */
    public Application reject(String applicationId, RejectionReason reason, String note, OrgPrincipal caller) {
        MemberAccess.requireStaff(caller);
        for (int attempt = 1; ; attempt++) {
            Application application = load(applicationId, caller);
            var event = application.reject(reason, note, Actor.staff(caller.subject()), clock.instant());
            try {
                applications.update(application, List.of(event));
                audit.info("application rejected applicationId={} reasonCode={} actorSubject={}", applicationId,
                        reason, caller.subject());
                return application;
            } catch (Applications.ConcurrentUpdate raced) {
                if (attempt == MAX_ATTEMPTS) {
                    throw changedMeanwhile();
                }
            }
        }
    }

    /** Steps 2 and 3 for an APPROVING application, with the approver and date recorded in step 1. */
    private JoiningOutcome finishApproval(Application application, OrgPrincipal caller) {
        if (application.status() != ApplicationStatus.APPROVING) {
            return application.status() == ApplicationStatus.APPROVED ? new JoiningOutcome.Recorded(application)
                    : failTransition(application);
        }
        Optional<String> memberId = members.memberJoinedThrough(application.personKey(), application.id());
        if (memberId.isEmpty()) {
            Registration outcome;
            try {
                outcome = registration.register(registerMember(application));
            } catch (MemberRuleViolation | ConflictException refused) {
                backToReview(application);
                throw refused;
            }
            if (outcome instanceof Registration.Activated activated) {
                memberId = Optional.of(activated.memberId());
            } else {
                // a concurrent approval of this same application may have registered the person a moment ago
                memberId = members.memberJoinedThrough(application.personKey(), application.id());
                if (memberId.isEmpty()) {
                    backToReview(application);
                    audit.info("application approval refused outcome=ALREADY_MEMBER applicationId={} actorSubject={}",
                            application.id(), caller.subject());
                    return new JoiningOutcome.AlreadyMember();
                }
            }
        }
        return markApproved(application, memberId.get(), caller);
    }

    private JoiningOutcome markApproved(Application application, String memberId, OrgPrincipal caller) {
        Application current = application;
        for (int attempt = 1; ; attempt++) {
            if (current.status() == ApplicationStatus.APPROVED) {
                return new JoiningOutcome.Recorded(current);
            }
            if (current.status() != ApplicationStatus.APPROVING) {
                return failTransition(current);
            }
            current.registered(memberId);
            try {
                applications.update(current, List.of());
                Approval approval = current.approval();
                audit.info("application approved applicationId={} memberId={} approverSubject={} actorSubject={}",
                        current.id(), memberId, approval.approvedBy().subject(), caller.subject());
                return new JoiningOutcome.Recorded(current);
            } catch (Applications.ConcurrentUpdate raced) {
                if (attempt == MAX_ATTEMPTS) {
                    throw changedMeanwhile();
                }
                current = load(application.id(), caller);
            }
        }
    }

    /** Undoes step 1 when registration refused the applicant; a lost race here means someone else moved it on. */
    private void backToReview(Application application) {
        application.approvalFailed();
        try {
            applications.update(application, List.of());
        } catch (Applications.ConcurrentUpdate raced) {
            log.debug("application {} changed while its approval was being undone", application.id());
        }
    }

    private RegisterMember registerMember(Application application) {
        Approval approval = application.approval();
        var applicant = application.applicant();
        Employment employment = application.employment();
        EmploymentDetails details = employment == null ? null : new EmploymentDetails(employment.employerName(),
                employment.employerCreditCode(), employment.form().name(), employment.platforms());
        return new RegisterMember(application.target().id(), personalData.reveal(applicant.legalName()),
                personalData.reveal(applicant.citizenIdNumber()),
                applicant.mobilePhone() == null ? null : personalData.reveal(applicant.mobilePhone()), details,
                application.groupTags(), application.joining().channel(), application.joining().campaignId(),
                approval.approvedBy().kind(), approval.approvedBy().subject(), application.accountSubject(),
                application.id(), null, approval.effectiveOn());
    }

    private Application load(String applicationId, OrgPrincipal caller) {
        if (!caller.hasOrgPath()) {
            throw new NotFoundException("application not found");
        }
        return applications.findWithin(applicationId, caller.orgPath())
                .orElseThrow(() -> new NotFoundException("application not found"));
    }

    private static JoiningOutcome failTransition(Application application) {
        throw new IllegalApplicationTransition(application.status(), "approved");
    }

    private static ConflictException changedMeanwhile() {
        return new ConflictException("The application was changed by another request; try again");
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Member.CHINA);
    }
}
