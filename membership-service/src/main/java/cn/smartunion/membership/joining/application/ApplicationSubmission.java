package cn.smartunion.membership.joining.application;

import cn.smartunion.contracts.membership.ActorKind;
import cn.smartunion.contracts.membership.JoinChannel;
import cn.smartunion.membership.joining.domain.Application;
import cn.smartunion.membership.joining.domain.ApplicationForm;
import cn.smartunion.membership.joining.domain.Applications;
import cn.smartunion.membership.joining.domain.JoinCode;
import cn.smartunion.membership.joining.domain.JoinCodeRejected;
import cn.smartunion.membership.joining.domain.JoinCodeSigner;
import cn.smartunion.membership.member.application.MemberAccess;
import cn.smartunion.membership.member.application.MemberLookup;
import cn.smartunion.membership.member.application.MemberPersonalData;
import cn.smartunion.membership.member.application.MemberRegistration;
import cn.smartunion.membership.member.domain.Actor;
import cn.smartunion.membership.member.domain.Employment;
import cn.smartunion.membership.member.domain.GroupTagCatalogue;
import cn.smartunion.membership.member.domain.Member;
import cn.smartunion.membership.member.domain.MemberRuleViolation;
import cn.smartunion.membership.member.domain.OrgRef;
import cn.smartunion.membership.member.domain.Person;
import cn.smartunion.membership.member.domain.UnionOrgs;
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
import java.util.Objects;
import java.util.UUID;

/**
 * Applying to join (入会申请), by the worker or by staff on the worker's behalf (帮办/代办), and withdrawing.
 *
 * <p>"想入能入": a worker may apply to any union in the province, whatever union their token names, and so may staff
 * entering an application for a worker (e.g. a city federation's mobile window taking an application for a county
 * union); only deciding it needs the receiving union in the decider's subtree. The applicant's name, ID and phone are
 * validated and sealed exactly as for a member record ({@link MemberPersonalData}); a person who is a member already
 * gets the member feature's answer, and a person or account has at most one open application.
 */
@Service
public class ApplicationSubmission {

    private static final Logger audit = LoggerFactory.getLogger("cn.smartunion.audit.membership");
    private static final int MAX_ATTEMPTS = 3;

    private final Applications applications;
    private final UnionOrgs orgs;
    private final MemberPersonalData personalData;
    private final MemberLookup members;
    private final GroupTagCatalogue groupTags;
    private final JoinCodeSigner joinCodes;
    private final Clock clock;

    public ApplicationSubmission(Applications applications, UnionOrgs orgs, MemberPersonalData personalData,
                                 MemberLookup members, GroupTagCatalogue groupTags, JoinCodeSigner joinCodes,
                                 Clock clock) {
        this.applications = applications;
        this.orgs = orgs;
        this.personalData = personalData;
        this.members = members;
        this.groupTags = groupTags;
        this.joinCodes = joinCodes;
        this.clock = clock;
    }

    /**
     * A worker applies with their own account (role {@code member}); the application is linked to that account, so
     * the member record will be too.
     *
     * @throws MemberRuleViolation                    for invalid input, naming the field
     * @throws Applications.OpenApplicationExists     when the person or the account has an open application
     */
    public JoiningOutcome apply(ApplyToJoin command, OrgPrincipal caller) {
        Objects.requireNonNull(command, "command");
        MemberAccess.requireMember(caller);
        Instant now = clock.instant();
        String orgId = command.orgId();
        JoinChannel channel = command.joinChannel();
        String campaignId = command.campaignId();
        if (command.joinCode() != null && !command.joinCode().isBlank()) {
            JoinCode code = verified(command.joinCode(), now);
            if (channel != null && channel != JoinChannel.QR_CODE) {
                throw new MemberRuleViolation("joinChannel", "an application with a joinCode is a QR_CODE application");
            }
            if (orgId != null && !orgId.isBlank() && !orgId.strip().equals(code.orgId())) {
                throw new MemberRuleViolation("orgId", "differs from the union the joinCode names; leave it out");
            }
            if (campaignId != null && !campaignId.isBlank() && !campaignId.strip().equals(code.campaignId())) {
                throw new MemberRuleViolation("campaignId",
                        "differs from the campaign the joinCode names; leave it out");
            }
            orgId = code.orgId();
            channel = JoinChannel.QR_CODE;
            campaignId = code.campaignId();
        } else if (channel == JoinChannel.QR_CODE) {
            throw new MemberRuleViolation("joinChannel",
                    "a QR_CODE application carries the joinCode of the scanned code");
        } else if (channel == null) {
            channel = JoinChannel.ONLINE_APPLICATION;
        }
        if (command.mobilePhone() == null || command.mobilePhone().isBlank()) {
            throw new MemberRuleViolation("mobilePhone", "is required so that the union can reach the applicant");
        }
        Actor worker = new Actor(ActorKind.MEMBER, caller.subject());
        Application.Submitted submitted = Application.submit(UUID.randomUUID().toString(),
                form(command, orgId, channel, campaignId, worker), groupTags, now);
        if (members.isMember(submitted.application().personKey()) || members.accountIsMember(caller.subject())) {
            audit.info("application refused outcome=ALREADY_MEMBER channel={} accountSubject={}", channel,
                    caller.subject());
            return new JoiningOutcome.AlreadyMember();
        }
        return store(submitted);
    }

    /**
     * Staff enter an application for a worker (帮办/代办: mobile windows, service stations, campaign events). The
     * staff member is recorded as the submitter, the worker as the applicant; the worker has no account link until
     * they claim their member record in the app.
     *
     * @param approveNext true when the caller means to approve it straight away: then the receiving union must lie in
     *                    the caller's subtree and {@code effectiveOn} must be a valid start, both checked before
     *                    anything is stored
     * @param effectiveOn the membership start of that approval; null for today
     */
    public JoiningOutcome applyOnBehalf(ApplyToJoin command, OrgPrincipal caller, boolean approveNext,
                                        LocalDate effectiveOn) {
        Objects.requireNonNull(command, "command");
        MemberAccess.requireStaff(caller);
        if (command.joinCode() != null) {
            throw new MemberRuleViolation("joinCode", "is for a worker's own application");
        }
        JoinChannel channel = command.joinChannel() == null ? JoinChannel.MOBILE_WINDOW : command.joinChannel();
        Actor staff = Actor.staff(caller.subject());
        ApplicationForm form = form(command, command.orgId(), channel, command.campaignId(), staff);
        Application.Submitted submitted = Application.submit(UUID.randomUUID().toString(), form, groupTags,
                clock.instant());
        if (approveNext) {
            if (!MemberAccess.covers(caller, form.target().path())) {
                throw new MemberRuleViolation("approveNow",
                        "only staff of the receiving union or a union above it may approve the application");
            }
            submitted.application().checkEffectiveOn(effectiveOn != null ? effectiveOn
                    : LocalDate.ofInstant(clock.instant(), Member.CHINA), clock.instant());
        }
        if (members.isMember(form.applicant().personKey())) {
            audit.info("application refused outcome=ALREADY_MEMBER channel={} actorSubject={}", channel,
                    caller.subject());
            return new JoiningOutcome.AlreadyMember();
        }
        return store(submitted);
    }

    /** The applicant takes their open application back; someone else's application is not found. */
    public Application withdraw(String applicationId, OrgPrincipal caller) {
        MemberAccess.requireMember(caller);
        for (int attempt = 1; ; attempt++) {
            Application application = applications.findOfAccount(applicationId, caller.subject())
                    .orElseThrow(() -> new NotFoundException("application not found"));
            var event = application.withdraw(new Actor(ActorKind.MEMBER, caller.subject()), clock.instant());
            try {
                applications.update(application, List.of(event));
                audit.info("application withdrawn applicationId={} accountSubject={}", applicationId,
                        caller.subject());
                return application;
            } catch (Applications.ConcurrentUpdate raced) {
                if (attempt == MAX_ATTEMPTS) {
                    throw new ConflictException("The application was changed by another request; try again");
                }
            }
        }
    }

    private ApplicationForm form(ApplyToJoin command, String orgId, JoinChannel channel, String campaignId,
                                 Actor submittedBy) {
        Person applicant = personalData.seal(command.legalName(), command.citizenIdNumber(), command.mobilePhone());
        Employment employment = MemberRegistration.employment("employment.", command.employment());
        return new ApplicationForm(applicant, receivingUnion(orgId), employment, command.groupTags(), channel,
                campaignId, submittedBy);
    }

    /** Validation is over and the person is no member: stored unless an open application exists. */
    private JoiningOutcome store(Application.Submitted submitted) {
        applications.add(submitted);
        Application application = submitted.application();
        audit.info("application submitted applicationId={} orgId={} channel={} actorKind={} actorSubject={}",
                application.id(), application.target().id(), application.joining().channel(),
                application.submittedBy().kind(), application.submittedBy().subject());
        return new JoiningOutcome.Recorded(application);
    }

    /** Any union of the province that still takes members; an unknown one is named as such. */
    private OrgRef receivingUnion(String orgId) {
        if (orgId == null || orgId.isBlank()) {
            throw new MemberRuleViolation("orgId", "is required");
        }
        UnionOrgs.UnionOrg org = orgs.find(orgId.strip())
                .orElseThrow(() -> new MemberRuleViolation("orgId", "no such union organisation"));
        if (org.dissolved()) {
            throw new MemberRuleViolation("orgId", "the union organisation has been dissolved and takes no members");
        }
        return org.ref();
    }

    private JoinCode verified(String token, Instant now) {
        try {
            return joinCodes.verify(token.strip(), now);
        } catch (JoinCodeRejected rejected) {
            throw new MemberRuleViolation("joinCode", rejected.reason() == JoinCodeRejected.Reason.EXPIRED
                    ? "has expired; scan a current code" : "is not a valid join code");
        }
    }
}
