package cn.smartunion.membership.joining.domain;

import cn.smartunion.contracts.membership.ActorKind;
import cn.smartunion.contracts.membership.MembershipApplicationRejected;
import cn.smartunion.contracts.membership.MembershipApplicationSubmitted;
import cn.smartunion.contracts.membership.MembershipApplicationWithdrawn;
import cn.smartunion.membership.member.domain.Actor;
import cn.smartunion.membership.member.domain.Employment;
import cn.smartunion.membership.member.domain.GroupTagCatalogue;
import cn.smartunion.membership.member.domain.Joining;
import cn.smartunion.membership.member.domain.Member;
import cn.smartunion.membership.member.domain.MemberRuleViolation;
import cn.smartunion.membership.member.domain.OrgRef;
import cn.smartunion.membership.member.domain.Person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An application to join a union (入会申请): submitted by the worker or by staff on the worker's behalf, then approved
 * by the receiving union (the person becomes a member), rejected with a reason, or withdrawn by the applicant. The
 * applicant's name, citizen ID number and phone stay sealed, as on the member record the application becomes; the
 * submitter and the approver are both recorded (they may be the same staff member at a mobile window). State changes
 * return the contract events they cause; approval has none of its own, the member's {@code MemberActivated} (which
 * names the application) announces it.
 */
public final class Application {

    public static final int MAX_NOTE_LENGTH = 500;

    private static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);

    private final String id;
    private final Person applicant;
    private final OrgRef target;
    private final Employment employment;
    private final List<String> groupTags;
    private final Joining joining;
    private final Actor submittedBy;
    private final Instant submittedAt;
    private ApplicationStatus status;
    private Approval approval;
    private Rejection rejection;
    private Instant withdrawnAt;
    private final Long version;

    private Application(String id, Person applicant, OrgRef target, Employment employment, List<String> groupTags,
                        Joining joining, Actor submittedBy, Instant submittedAt, ApplicationStatus status,
                        Approval approval, Rejection rejection, Instant withdrawnAt, Long version) {
        this.id = id;
        this.applicant = applicant;
        this.target = target;
        this.employment = employment;
        this.groupTags = List.copyOf(groupTags);
        this.joining = joining;
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
        this.status = status;
        this.approval = approval;
        this.rejection = rejection;
        this.withdrawnAt = withdrawnAt;
        this.version = version;
    }

    /**
     * A worker applies, or staff apply on a worker's behalf.
     *
     * @throws MemberRuleViolation naming {@code joinChannel}, {@code campaignId} or {@code groupTags}
     */
    public static Submitted submit(String id, ApplicationForm form, GroupTagCatalogue catalogue, Instant at) {
        Objects.requireNonNull(id, "id");
        Joining joining = new Joining(form.channel(), form.campaignId(), id, null);
        JoinChannels.check(joining.channel(), form.submittedBy().kind(), joining.campaignId());
        List<String> tags = catalogue.check("groupTags", form.groupTags(), Set.of());
        Application application = new Application(id, form.applicant(), form.target(), form.employment(), tags,
                joining, form.submittedBy(), at, ApplicationStatus.SUBMITTED, null, null, null, null);
        return new Submitted(application, new MembershipApplicationSubmitted(id, form.target().id(),
                form.target().path(), joining.channel(), joining.campaignId(), tags, form.submittedBy().kind(), at));
    }

    /**
     * The receiving union approves: the application is APPROVING until the member record is registered
     * ({@link #registered}), so that a rejection or withdrawal racing with the approval loses, and an approval
     * interrupted half-way can be finished.
     *
     * @param effectiveOn the membership start date, not in the future (Beijing time)
     */
    public void approve(LocalDate effectiveOn, Actor approver, Instant at) {
        requireStatus(ApplicationStatus.SUBMITTED, "approved");
        requireStaff(approver);
        checkEffectiveOn(effectiveOn, at);
        status = ApplicationStatus.APPROVING;
        approval = new Approval(approver, at, effectiveOn, null);
    }

    /**
     * Fails unless a membership of this applicant may start on {@code effectiveOn}: given, not in the future (Beijing
     * time), not before the birth date. The member rules check the same again when the member is registered; checking
     * first lets staff who enter and approve in one step get the answer before anything is stored.
     *
     * @throws MemberRuleViolation naming {@code effectiveOn}
     */
    public void checkEffectiveOn(LocalDate effectiveOn, Instant at) {
        if (effectiveOn == null) {
            throw new MemberRuleViolation("effectiveOn", "is required");
        }
        if (effectiveOn.isAfter(LocalDate.ofInstant(at, Member.CHINA))) {
            throw new MemberRuleViolation("effectiveOn", "must not be in the future");
        }
        if (effectiveOn.isBefore(EARLIEST_DATE)) {
            throw new MemberRuleViolation("effectiveOn", "must not be before " + EARLIEST_DATE);
        }
        if (effectiveOn.isBefore(applicant.birthDate())) {
            throw new MemberRuleViolation("effectiveOn", "must not be before the birth date");
        }
    }

    /** The approved applicant's member record exists: the application is done. */
    public void registered(String memberId) {
        requireStatus(ApplicationStatus.APPROVING, "completed");
        approval = approval.registered(memberId);
        status = ApplicationStatus.APPROVED;
    }

    /**
     * Registration refused the approved applicant (e.g. the person became a member by another way meanwhile, or the
     * union was dissolved): the application waits for a decision again.
     */
    public void approvalFailed() {
        requireStatus(ApplicationStatus.APPROVING, "returned to review");
        approval = null;
        status = ApplicationStatus.SUBMITTED;
    }

    /**
     * The receiving union turns the application down.
     *
     * @param note optional for the listed reasons, required for {@link RejectionReason#OTHER}
     */
    public MembershipApplicationRejected reject(RejectionReason reason, String note, Actor by, Instant at) {
        if (reason == null) {
            throw new MemberRuleViolation("reasonCode", "is required");
        }
        String text = note(note);
        if (reason == RejectionReason.OTHER && text == null) {
            throw new MemberRuleViolation("note", "is required when the reason is OTHER");
        }
        requireStatus(ApplicationStatus.SUBMITTED, "rejected");
        requireStaff(by);
        status = ApplicationStatus.REJECTED;
        rejection = new Rejection(by, at, reason, text);
        return new MembershipApplicationRejected(id, target.id(), target.path(), reason.name(), at);
    }

    /** The applicant takes the application back before a decision. Only the applicant's own account may. */
    public MembershipApplicationWithdrawn withdraw(Actor by, Instant at) {
        if (by.kind() != ActorKind.MEMBER || !by.subject().equals(accountSubject())) {
            throw new IllegalArgumentException("only the applicant's own account withdraws an application");
        }
        requireStatus(ApplicationStatus.SUBMITTED, "withdrawn");
        status = ApplicationStatus.WITHDRAWN;
        withdrawnAt = at;
        return new MembershipApplicationWithdrawn(id, target.id(), target.path(), by.kind(), at);
    }

    private void requireStatus(ApplicationStatus required, String change) {
        if (status != required) {
            throw new IllegalApplicationTransition(status, change);
        }
    }

    private static void requireStaff(Actor actor) {
        if (actor.kind() != ActorKind.STAFF) {
            throw new IllegalArgumentException("only union staff decide applications");
        }
    }

    private static String note(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        String text = note.strip();
        if (text.codePointCount(0, text.length()) > MAX_NOTE_LENGTH) {
            throw new MemberRuleViolation("note", "must have at most " + MAX_NOTE_LENGTH + " characters");
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new MemberRuleViolation("note", "must not contain control characters");
        }
        return text;
    }

    /** Rebuilds an application from storage; no events. */
    public static Application restore(String id, Person applicant, OrgRef target, Employment employment,
                                      List<String> groupTags, Joining joining, Actor submittedBy,
                                      Instant submittedAt, ApplicationStatus status, Approval approval,
                                      Rejection rejection, Instant withdrawnAt, Long version) {
        return new Application(id, applicant, target, employment, groupTags == null ? List.of() : groupTags, joining,
                submittedBy, submittedAt, status, approval, rejection, withdrawnAt, version);
    }

    public String id() {
        return id;
    }

    public Person applicant() {
        return applicant;
    }

    /** The one-open-application-per-person key: the applicant's citizen ID blind index. */
    public String personKey() {
        return applicant.personKey();
    }

    public OrgRef target() {
        return target;
    }

    public Employment employment() {
        return employment;
    }

    public List<String> groupTags() {
        return groupTags;
    }

    /** Channel, campaign and this application's id, as the member record will carry them. */
    public Joining joining() {
        return joining;
    }

    public Actor submittedBy() {
        return submittedBy;
    }

    /** The applicant's own account (token subject) when they applied themselves; null for staff entry. */
    public String accountSubject() {
        return submittedBy.kind() == ActorKind.MEMBER ? submittedBy.subject() : null;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public ApplicationStatus status() {
        return status;
    }

    /** Null unless APPROVING or APPROVED. */
    public Approval approval() {
        return approval;
    }

    /** Null unless REJECTED. */
    public Rejection rejection() {
        return rejection;
    }

    /** Null unless WITHDRAWN. */
    public Instant withdrawnAt() {
        return withdrawnAt;
    }

    /** The stored version this state was read at; null for an application not stored yet. */
    public Long version() {
        return version;
    }

    /** A new application and the event announcing it. */
    public record Submitted(Application application, MembershipApplicationSubmitted event) {
    }
}
