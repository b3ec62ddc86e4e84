package cn.smartunion.membership.member.domain;

import cn.smartunion.contracts.membership.MemberAccountLinked;
import cn.smartunion.contracts.membership.MemberActivated;
import cn.smartunion.contracts.membership.MemberEmploymentChanged;
import cn.smartunion.contracts.membership.MemberGroupTagsChanged;
import cn.smartunion.contracts.membership.MemberTransferClosed;
import cn.smartunion.contracts.membership.MemberTransferRequested;
import cn.smartunion.contracts.membership.MemberTransferred;
import cn.smartunion.contracts.membership.MembershipReinstated;
import cn.smartunion.contracts.membership.MembershipRetained;
import cn.smartunion.contracts.membership.MembershipTerminated;

import cn.smartunion.contracts.membership.ActorKind;

import java.time.Duration;
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
    private Transfer pendingTransfer;
    private final List<Transfer> closedTransfers;
    private final Long version;

    private Member(String id, Person person, OrgRef org, Employment employment, List<String> groupTags,
                   Joining joining, MemberStatus status, LocalDate joinedOn, LocalDate firstJoinedOn,
                   Instant activatedAt, String accountSubject, List<StatusChange> history,
                   Transfer pendingTransfer, List<Transfer> closedTransfers, Long version) {
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
        this.pendingTransfer = pendingTransfer;
        this.closedTransfers = new ArrayList<>(closedTransfers);
        this.version = version;
        if ((status == MemberStatus.TRANSFER_PENDING) != (pendingTransfer != null)) {
            throw new IllegalArgumentException("a member has a pending transfer exactly when its status says so");
        }
    }

    /** A person joins a union for the first time (入会). */
    public static Registered register(String id, Admission admission, GroupTagCatalogue catalogue, Instant at) {
        Objects.requireNonNull(id, "id");
        List<String> tags = catalogue.check("groupTags", admission.groupTags(), Set.of());
        LocalDate effectiveOn = checkedDate("effectiveOn", admission.effectiveOn(), admission.person().birthDate(),
                "the birth date", at);
        Member member = new Member(id, admission.person(), admission.org(), admission.employment(), tags,
                admission.joining(), MemberStatus.ACTIVE, effectiveOn, effectiveOn, at, admission.accountSubject(),
                List.of(), null, List.of(), null);
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
     * Asks to move this membership to another union (转会/接转). Only an ACTIVE member: a RETAINED member is first
     * reinstated (by the origin union, effective when the member found new work), so each event keeps one meaning and
     * the destination always receives an active member; one transfer at a time. The destination may lie anywhere in
     * the tree, also under another root (province). Until it decides, the member stays in the origin union as
     * TRANSFER_PENDING.
     *
     * @param destination the destination as read now; must exist (null otherwise) and not be dissolved
     * @param expireAfter how long the destination has to decide
     */
    public MemberTransferRequested requestTransfer(String transferId, UnionOrgs.UnionOrg destination,
                                                   TransferReason reason, Actor requestedBy, Duration expireAfter,
                                                   Instant at) {
        Objects.requireNonNull(transferId, "transferId");
        if (status != MemberStatus.ACTIVE) {
            throw new IllegalMemberTransition(status, "transferred");
        }
        if (destination == null) {
            throw new MemberRuleViolation("toOrgId", "no such union organisation");
        }
        if (destination.dissolved()) {
            throw new MemberRuleViolation("toOrgId", "the union organisation has been dissolved");
        }
        if (destination.id().equals(org.id()) || destination.path().equals(org.path())) {
            throw new MemberRuleViolation("toOrgId", "must be another union than the member's current one");
        }
        requireReason(reason);
        if (expireAfter == null || expireAfter.isNegative() || expireAfter.isZero()) {
            throw new IllegalArgumentException("a transfer needs a positive time to decide");
        }
        Transfer transfer = Transfer.requested(transferId, org, destination.ref(), requestedBy, reason, at,
                at.plus(expireAfter));
        pendingTransfer = transfer;
        status = MemberStatus.TRANSFER_PENDING;
        record(MemberStatus.ACTIVE, status, today(at), at, requestedBy, reason.name(), transferId);
        return new MemberTransferRequested(id, transferId, org.id(), org.path(), transfer.to().id(),
                transfer.to().path(), transfer.crossProvince(), requestedBy.kind(), reason.name(),
                transfer.expiresAt(), at);
    }

    /**
     * The destination accepts: the member is active there from {@code effectiveOn} (not before the request, not in
     * the future). The history keeps the request in the origin union and the acceptance in the destination.
     *
     * @param destinationNow the destination union as read now (its path may have changed since the request); null
     *                       when it no longer exists
     * @throws TransferDestinationGone when the destination was dissolved (or removed) meanwhile: decline instead
     */
    public MemberTransferred acceptTransfer(String transferId, UnionOrgs.UnionOrg destinationNow,
                                            LocalDate effectiveOn, Actor actor, Instant at) {
        Transfer transfer = openTransfer(transferId, at);
        if (destinationNow == null || destinationNow.dissolved()) {
            throw new TransferDestinationGone();
        }
        if (!destinationNow.id().equals(transfer.to().id())) {
            throw new IllegalArgumentException("a transfer is accepted into its own destination only");
        }
        LocalDate date = checkedDate("effectiveOn", effectiveOn, lastChangeEffectiveOn(), "the transfer request",
                at);
        OrgRef from = org;
        Transfer accepted = transfer.closed(TransferStatus.ACCEPTED, destinationNow.ref(), at, actor, null, date);
        org = destinationNow.ref();
        status = MemberStatus.ACTIVE;
        pendingTransfer = null;
        closedTransfers.add(accepted);
        record(MemberStatus.TRANSFER_PENDING, status, date, at, actor, null, transferId);
        return new MemberTransferred(id, transferId, from.id(), from.path(), org.id(), org.path(),
                accepted.crossProvince(), transfer.reason().name(), date, at);
    }

    /** The destination declines; the member stays active in the origin union. */
    public MemberTransferClosed declineTransfer(String transferId, TransferDeclineReason reason, Actor actor,
                                                Instant at) {
        requireReason(reason);
        return close(openTransfer(transferId, at), TransferStatus.DECLINED, reason, actor, at);
    }

    /** The requester takes the request back; the member stays active in the origin union. */
    public MemberTransferClosed withdrawTransfer(String transferId, Actor actor, Instant at) {
        Transfer transfer = openTransfer(transferId, at);
        Actor requester = transfer.requestedBy();
        boolean allowed = requester.kind() == ActorKind.MEMBER
                ? actor.kind() == ActorKind.MEMBER && actor.subject().equals(requester.subject())
                : actor.kind() == ActorKind.STAFF;
        if (!allowed) {
            throw new NotTheRequester();
        }
        return close(transfer, TransferStatus.WITHDRAWN, null, actor, at);
    }

    /**
     * Closes a transfer left unanswered past its deadline; the member is active in the origin union again. Empty when
     * there is nothing to expire (no pending transfer, or not due yet), so a sweeper that raced a decision does
     * nothing.
     */
    public Optional<MemberTransferClosed> expireTransfer(Instant at) {
        if (pendingTransfer == null || !pendingTransfer.isDueAt(at)) {
            return Optional.empty();
        }
        return Optional.of(close(pendingTransfer, TransferStatus.EXPIRED, null, Actor.SYSTEM, at));
    }

    private MemberTransferClosed close(Transfer transfer, TransferStatus outcome, TransferDeclineReason reason,
                                       Actor actor, Instant at) {
        LocalDate on = today(at);
        closedTransfers.add(transfer.closed(outcome, transfer.to(), at, actor, reason, on));
        pendingTransfer = null;
        status = MemberStatus.ACTIVE;
        record(MemberStatus.TRANSFER_PENDING, status, on, at, actor, reason == null ? null : reason.name(),
                transfer.id());
        return new MemberTransferClosed(id, transfer.id(), org.id(), org.path(), transfer.to().id(),
                MemberTransferClosed.Outcome.valueOf(outcome.name()), reason == null ? null : reason.name(), at);
    }

    /** The pending transfer with this id, if it may still be decided at {@code at}. */
    private Transfer openTransfer(String transferId, Instant at) {
        if (pendingTransfer != null && pendingTransfer.id().equals(transferId)) {
            if (pendingTransfer.isDueAt(at)) {
                throw new TransferNotOpen(TransferStatus.EXPIRED);
            }
            return pendingTransfer;
        }
        Transfer closed = closedTransfers.stream().filter(t -> t.id().equals(transferId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("member " + id + " has no transfer " + transferId));
        throw new TransferNotOpen(closed.status());
    }

    /**
     * Links the member's own account (token subject) to this record, e.g. when a worker entered by staff claims the
     * record in the app. Linking the same account again changes nothing; an account of someone else is refused.
     *
     * @return false when the account was already linked
     */
    public Optional<MemberAccountLinked> linkAccount(String subject, Instant at) {
        String checked = AccountSubject.checkOptional("accountSubject", subject);
        if (checked == null) {
            throw new MemberRuleViolation("accountSubject", "is required");
        }
        if (checked.equals(accountSubject)) {
            return Optional.empty();
        }
        if (accountSubject != null) {
            throw new AccountAlreadyLinked();
        }
        accountSubject = checked;
        return Optional.of(accountLinked(at));
    }

    /** The event telling other services which signed-in account this member is; only when an account is linked. */
    public Optional<MemberAccountLinked> accountLinkedEvent(Instant at) {
        return accountSubject == null ? Optional.empty() : Optional.of(accountLinked(at));
    }

    private MemberAccountLinked accountLinked(Instant at) {
        return new MemberAccountLinked(id, org.id(), org.path(), accountSubject, at);
    }

    private MemberActivated activated(boolean firstJoin, Actor actor, Instant at) {
        return new MemberActivated(id, org.id(), org.path(), joining.channel(), joining.campaignId(), groupTags,
                employment == null ? null : employment.form().name(),
                employment == null ? null : employment.employerCreditCode(), firstJoin, joining.applicationId(),
                joining.enrolmentBatchId(), actor.kind(), joinedOn, at);
    }

    private void record(MemberStatus from, MemberStatus to, LocalDate effectiveOn, Instant at, Actor actor,
                        String reasonCode) {
        record(from, to, effectiveOn, at, actor, reasonCode, null);
    }

    private void record(MemberStatus from, MemberStatus to, LocalDate effectiveOn, Instant at, Actor actor,
                        String reasonCode, String transferId) {
        history.add(new StatusChange(from, to, org.id(), org.path(), effectiveOn, at, actor.kind(), actor.subject(),
                reasonCode, transferId));
    }

    private static LocalDate today(Instant at) {
        return LocalDate.ofInstant(at, CHINA);
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

    /** Rebuilds a member without transfers from storage; no events. */
    public static Member restore(String id, Person person, OrgRef org, Employment employment, List<String> groupTags,
                                 Joining joining, MemberStatus status, LocalDate joinedOn, LocalDate firstJoinedOn,
                                 Instant activatedAt, String accountSubject, List<StatusChange> history,
                                 Long version) {
        return restore(id, person, org, employment, groupTags, joining, status, joinedOn, firstJoinedOn, activatedAt,
                accountSubject, history, null, List.of(), version);
    }

    /**
     * Rebuilds a member from storage; no events.
     *
     * @param pendingTransfer the open transfer, present exactly when the status is TRANSFER_PENDING
     * @param closedTransfers earlier transfers, oldest first
     */
    public static Member restore(String id, Person person, OrgRef org, Employment employment, List<String> groupTags,
                                 Joining joining, MemberStatus status, LocalDate joinedOn, LocalDate firstJoinedOn,
                                 Instant activatedAt, String accountSubject, List<StatusChange> history,
                                 Transfer pendingTransfer, List<Transfer> closedTransfers, Long version) {
        return new Member(id, person, org, employment, groupTags == null ? List.of() : groupTags, joining, status,
                joinedOn, firstJoinedOn, activatedAt, accountSubject, history == null ? List.of() : history,
                pendingTransfer, closedTransfers == null ? List.of() : closedTransfers, version);
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

    /** The open transfer; present exactly while the status is TRANSFER_PENDING. */
    public Optional<Transfer> pendingTransfer() {
        return Optional.ofNullable(pendingTransfer);
    }

    /** Every transfer of this record, oldest first, the pending one (if any) last. */
    public List<Transfer> transfers() {
        List<Transfer> all = new ArrayList<>(closedTransfers);
        if (pendingTransfer != null) {
            all.add(pendingTransfer);
        }
        return List.copyOf(all);
    }

    public Optional<Transfer> transfer(String transferId) {
        return transfers().stream().filter(t -> t.id().equals(transferId)).findFirst();
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
