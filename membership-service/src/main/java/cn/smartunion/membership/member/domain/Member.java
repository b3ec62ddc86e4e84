package cn.smartunion.membership.member.domain;

import cn.smartunion.contracts.membership.MemberActivated;
import cn.smartunion.contracts.membership.MemberEmploymentChanged;
import cn.smartunion.contracts.membership.MemberGroupTagsChanged;
import cn.smartunion.contracts.membership.MembershipReinstated;
import cn.smartunion.contracts.membership.MembershipRetained;
import cn.smartunion.contracts.membership.MembershipTerminated;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A real-name union member (实名会员): one record per person province-wide, found by the blind index of the citizen
 * ID number. The record outlives a membership: a terminated person who joins again gets the same record back.
 * State changes return the contract events they cause; personal data stays sealed.
 */
public final class Member {

    /** Dates of the union calendar (effective dates, "today") are Beijing time. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    private static final String PREVIOUS_CHANGE = "the previous status change of this membership";

    private final String id;
    private Person person;
    private OrgRef org;
    private Employment employment;
    private List<String> groupTags;
    private Joining joining;
    private MemberStatus status;
    private LocalDate joinedOn;
    private final LocalDate firstJoinedOn;
    private Instant activatedAt;
    private String accountSubject;
    private final List<StatusChange> history;
    private final Long version;

    private Member(String id, Person person, OrgRef org, Employment employment, List<String> groupTags,
                   Joining joining, MemberStatus status, LocalDate joinedOn, LocalDate firstJoinedOn,
                   Instant activatedAt, String accountSubject, List<StatusChange> history, Long version) {
        this.id = id;
        this.person = person;
        this.org = org;
        this.employment = employment;
        this.groupTags = List.copyOf(groupTags);
        this.joining = joining;
        this.status = status;
        this.joinedOn = joinedOn;
        this.firstJoinedOn = firstJoinedOn;
        this.activatedAt = activatedAt;
        this.accountSubject = accountSubject;
        this.history = new ArrayList<>(history);
        this.version = version;
    }

    /** A person joins a union for the first time (入会). */
    public static Registered register(String id, Admission admission, GroupTagCatalogue catalogue, Instant at) {
        Objects.requireNonNull(id, "id");
        List<String> tags = catalogue.check("groupTags", admission.groupTags(), Set.of());
        LocalDate effectiveOn = checkedDate("effectiveOn", admission.effectiveOn(), admission.person().birthDate(),
                "the birth date", at);
        Member member = new Member(id, admission.person(), admission.org(), admission.employment(), tags,
                admission.joining(), MemberStatus.ACTIVE, effectiveOn, effectiveOn, at, admission.accountSubject(),
                List.of(), null);
        member.record(null, MemberStatus.ACTIVE, effectiveOn, at, admission.actor(), null);
        return new Registered(member, member.activated(true, admission.actor(), at));
    }

    /**
     * A former member joins again (possibly elsewhere, through another channel): the same record becomes active with
     * the new details, its history kept; the event says {@code firstJoin=false}.
     */
    public MemberActivated rejoin(Admission admission, GroupTagCatalogue catalogue, Instant at) {
        if (status != MemberStatus.TERMINATED) {
            throw new IllegalMemberTransition(status, "registered again");
        }
        if (!admission.person().personKey().equals(person.personKey())) {
            throw new IllegalArgumentException("a record is re-activated only for the same person");
        }
        List<String> tags = catalogue.check("groupTags", admission.groupTags(), Set.of());
        LocalDate effectiveOn = checkedDate("effectiveOn", admission.effectiveOn(), lastChangeEffectiveOn(),
                "the end of the previous membership", at);
        MemberStatus from = status;
        person = admission.person();
        org = admission.org();
        employment = admission.employment();
        groupTags = List.copyOf(tags);
        joining = admission.joining();
        status = MemberStatus.ACTIVE;
        joinedOn = effectiveOn;
        activatedAt = at;
        if (admission.accountSubject() != null) {
            accountSubject = admission.accountSubject();
        }
        record(from, MemberStatus.ACTIVE, effectiveOn, at, admission.actor(), null);
        return activated(false, admission.actor(), at);
    }

    /** 保留会籍: an active member leaves employment and keeps membership. */
    public MembershipRetained retain(RetentionReason reason, LocalDate since, Actor actor, Instant at) {
        requireReason(reason);
        requireStatus(MemberStatus.ACTIVE, "retained");
        LocalDate date = checkedDate("since", since, lastChangeEffectiveOn(), PREVIOUS_CHANGE, at);
        MemberStatus from = status;
        status = MemberStatus.RETAINED;
        record(from, status, date, at, actor, reason.name());
        return new MembershipRetained(id, org.id(), org.path(), reason.name(), date, at);
    }

    /** A retained member is active again, e.g. after finding new employment. */
    public MembershipReinstated reinstate(LocalDate effectiveOn, Actor actor, Instant at) {
        requireStatus(MemberStatus.RETAINED, "reinstated");
        LocalDate date = checkedDate("effectiveOn", effectiveOn, lastChangeEffectiveOn(), PREVIOUS_CHANGE, at);
        MemberStatus from = status;
        status = MemberStatus.ACTIVE;
        record(from, status, date, at, actor, null);
        return new MembershipReinstated(id, org.id(), org.path(), date, at);
    }

    /**
     * Membership ends (退会, death, expulsion). Only an active or retained membership: a pending transfer has to be
     * closed first, so the destination union is never left deciding about a former member.
     */
    public MembershipTerminated terminate(TerminationReason reason, LocalDate effectiveOn, Actor actor, Instant at) {
        requireReason(reason);
        if (status != MemberStatus.ACTIVE && status != MemberStatus.RETAINED) {
            throw new IllegalMemberTransition(status, "terminated");
        }
        LocalDate date = checkedDate("effectiveOn", effectiveOn, lastChangeEffectiveOn(), PREVIOUS_CHANGE, at);
        MemberStatus from = status;
        status = MemberStatus.TERMINATED;
        record(from, status, date, at, actor, reason.name());
        return new MembershipTerminated(id, org.id(), org.path(), reason.name(), date, at);
    }

    /**
     * Replaces the worker-group tags. Newly added tags must be configured; tags the member already holds stay valid
     * even if the installation has since dropped them. Empty when nothing changes.
     */
    public Optional<MemberGroupTagsChanged> changeGroupTags(List<String> requested, GroupTagCatalogue catalogue,
                                                            Instant at) {
        requireOpen("given new group tags");
        List<String> tags = catalogue.check("groupTags", requested, new HashSet<>(groupTags));
        if (new HashSet<>(tags).equals(new HashSet<>(groupTags))) {
            return Optional.empty();
        }
        List<String> added = tags.stream().filter(t -> !groupTags.contains(t)).toList();
        List<String> removed = groupTags.stream().filter(t -> !tags.contains(t)).toList();
        groupTags = List.copyOf(tags);
        return Optional.of(new MemberGroupTagsChanged(id, org.id(), org.path(), added, removed, groupTags, at));
    }

    /** Replaces the declared employment ({@code null} clears it). Empty when nothing changes. */
    public Optional<MemberEmploymentChanged> changeEmployment(Employment changed, Instant at) {
        requireOpen("given new employment");
        if (Objects.equals(changed, employment)) {
            return Optional.empty();
        }
        employment = changed;
        return Optional.of(new MemberEmploymentChanged(id, org.id(), org.path(),
                changed == null ? null : changed.employerCreditCode(),
                changed == null ? null : changed.form().name(),
                changed == null ? List.of() : changed.platforms(), at));
    }

    /**
     * Links the member's own account (token subject) to this record, e.g. when a worker entered by staff claims the
     * record in the app. Linking the same account again changes nothing; an account of someone else is refused.
     *
     * @return false when the account was already linked
     */
    public boolean linkAccount(String subject) {
        String checked = AccountSubject.checkOptional("accountSubject", subject);
        if (checked == null) {
            throw new MemberRuleViolation("accountSubject", "is required");
        }
        if (checked.equals(accountSubject)) {
            return false;
        }
        if (accountSubject != null) {
            throw new AccountAlreadyLinked();
        }
        accountSubject = checked;
        return true;
    }

    private MemberActivated activated(boolean firstJoin, Actor actor, Instant at) {
        return new MemberActivated(id, org.id(), org.path(), joining.channel(), joining.campaignId(), groupTags,
                employment == null ? null : employment.form().name(), firstJoin, joining.applicationId(),
                joining.enrolmentBatchId(), actor.kind(), joinedOn, at);
    }

    private void record(MemberStatus from, MemberStatus to, LocalDate effectiveOn, Instant at, Actor actor,
                        String reasonCode) {
        history.add(new StatusChange(from, to, org.id(), org.path(), effectiveOn, at, actor.kind(), actor.subject(),
                reasonCode));
    }

    private void requireStatus(MemberStatus required, String change) {
        if (status != required) {
            throw new IllegalMemberTransition(status, change);
        }
    }

    private static void requireReason(Enum<?> reason) {
        if (reason == null) {
            throw new MemberRuleViolation("reasonCode", "is required");
        }
    }

    private void requireOpen(String change) {
        if (status == MemberStatus.TERMINATED) {
            throw new IllegalMemberTransition(status, change);
        }
    }

    private LocalDate lastChangeEffectiveOn() {
        return history.isEmpty() ? joinedOn : history.get(history.size() - 1).effectiveOn();
    }

    /** A date of the union calendar: given, not in the future and not before {@code notBefore}. */
    private static LocalDate checkedDate(String field, LocalDate date, LocalDate notBefore, String notBeforeName,
                                         Instant at) {
        if (date == null) {
            throw new MemberRuleViolation(field, "is required");
        }
        if (date.isAfter(LocalDate.ofInstant(at, CHINA))) {
            throw new MemberRuleViolation(field, "must not be in the future");
        }
        if (date.isBefore(EARLIEST_DATE)) {
            throw new MemberRuleViolation(field, "must not be before " + EARLIEST_DATE);
        }
        if (notBefore != null && date.isBefore(notBefore)) {
            throw new MemberRuleViolation(field, "must not be before " + notBeforeName);
        }
        return date;
    }

    /** Rebuilds a member from storage; no events. */
    public static Member restore(String id, Person person, OrgRef org, Employment employment, List<String> groupTags,
                                 Joining joining, MemberStatus status, LocalDate joinedOn, LocalDate firstJoinedOn,
                                 Instant activatedAt, String accountSubject, List<StatusChange> history,
                                 Long version) {
        return new Member(id, person, org, employment, groupTags == null ? List.of() : groupTags, joining, status,
                joinedOn, firstJoinedOn, activatedAt, accountSubject, history == null ? List.of() : history,
                version);
    }

    public String id() {
        return id;
    }

    public Person person() {
        return person;
    }

    public OrgRef org() {
        return org;
    }

    public Employment employment() {
        return employment;
    }

    public List<String> groupTags() {
        return groupTags;
    }

    public Joining joining() {
        return joining;
    }

    public MemberStatus status() {
        return status;
    }

    /** Start of the current membership. */
    public LocalDate joinedOn() {
        return joinedOn;
    }

    public LocalDate firstJoinedOn() {
        return firstJoinedOn;
    }

    public Instant activatedAt() {
        return activatedAt;
    }

    public String accountSubject() {
        return accountSubject;
    }

    public List<StatusChange> history() {
        return List.copyOf(history);
    }

    /** The stored version this state was read at; null for a member not stored yet. */
    public Long version() {
        return version;
    }

    /** The member just registered and the event announcing it. */
    public record Registered(Member member, MemberActivated event) {
    }

    /** The record is already linked to a different account. */
    public static class AccountAlreadyLinked extends RuntimeException {
        public AccountAlreadyLinked() {
            super("The member record is already linked to another account");
        }
    }
}
