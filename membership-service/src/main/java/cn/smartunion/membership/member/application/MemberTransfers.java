package cn.smartunion.membership.member.application;

import cn.smartunion.contracts.membership.ActorKind;
import cn.smartunion.membership.member.domain.Actor;
import cn.smartunion.membership.member.domain.Member;
import cn.smartunion.membership.member.domain.Members;
import cn.smartunion.membership.member.domain.NotTheRequester;
import cn.smartunion.membership.member.domain.Transfer;
import cn.smartunion.membership.member.domain.TransferDeclineReason;
import cn.smartunion.membership.member.domain.UnionOrgs;
import cn.smartunion.runtime.problem.ConflictException;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Member transfers (转会/接转): origin staff or the member themself request one; staff of the destination subtree
 * accept or decline it; the requester withdraws it; unanswered ones expire. Every step is one conditional write of
 * the member document (state, pending transfer and event together), so two decisions on one transfer cannot both
 * take effect: the loser re-reads, finds the transfer closed and gets a 409.
 */
@Service
public class MemberTransfers {

    private static final Logger audit = LoggerFactory.getLogger("cn.smartunion.audit.membership");
    private static final Logger log = LoggerFactory.getLogger(MemberTransfers.class);
    private static final int MAX_ATTEMPTS = 3;

    private final Members members;
    private final UnionOrgs orgs;
    private final TransferSettings settings;
    private final Clock clock;

    public MemberTransfers(Members members, UnionOrgs orgs, TransferSettings settings, Clock clock) {
        this.members = members;
        this.orgs = orgs;
        this.settings = settings;
        this.clock = clock;
    }

    /** Origin staff ask to move a member of their subtree (帮办: the member's request taken at the union office). */
    public Transferring request(String memberId, RequestTransfer command, OrgPrincipal caller) {
        MemberAccess.requireStaff(caller);
        String scope = MemberAccess.scopeOf(caller);
        return request(() -> members.findWithin(memberId, scope)
                        .orElseThrow(() -> new NotFoundException("member not found")),
                command, Actor.staff(caller.subject()));
    }

    /** A member asks to move their own membership (the record linked to their account). */
    public Transferring requestMine(RequestTransfer command, OrgPrincipal caller) {
        MemberAccess.requireMember(caller);
        return request(() -> mine(caller), command, new Actor(ActorKind.MEMBER, caller.subject()));
    }

    /** Staff of the destination subtree accept: the member is active there from {@code effectiveOn} (default today). */
    public Transferring accept(String transferId, LocalDate effectiveOn, OrgPrincipal caller) {
        MemberAccess.requireStaff(caller);
        LocalDate date = effectiveOn != null ? effectiveOn : today();
        return decide(transferId, caller, "accepted", (member, now) -> {
            Transfer transfer = member.transfer(transferId).orElseThrow();
            UnionOrgs.UnionOrg destination = orgs.find(transfer.to().id()).orElse(null);
            return member.acceptTransfer(transferId, destination, date, Actor.staff(caller.subject()), now);
        });
    }

    /** Staff of the destination subtree decline; the member stays in the origin union. */
    public Transferring decline(String transferId, TransferDeclineReason reason, OrgPrincipal caller) {
        MemberAccess.requireStaff(caller);
        return decide(transferId, caller, "declined",
                (member, now) -> member.declineTransfer(transferId, reason, Actor.staff(caller.subject()), now));
    }

    /**
     * The requester takes the request back: origin staff for a staff request, the member's own account for the
     * member's request. Staff of the destination only, or another account, are refused (403).
     */
    public Transferring withdraw(String transferId, OrgPrincipal caller) {
        boolean staff = caller.hasOrgPath()
                && (caller.hasRole(MemberAccess.STAFF_ROLE) || caller.hasRole(MemberAccess.ADMIN_ROLE));
        if (staff) {
            String scope = MemberAccess.scopeOf(caller);
            return change(transferId, caller, "withdrawn", () -> {
                Member member = findByTransfer(transferId, scope);
                Transfer transfer = member.transfer(transferId).orElseThrow();
                if (!caller.covers(transfer.from().path())) {
                    throw new AccessDeniedException("only the requesting side withdraws a transfer");
                }
                return member;
            }, (member, now) -> member.withdrawTransfer(transferId, Actor.staff(caller.subject()), now));
        }
        MemberAccess.requireMember(caller);
        return change(transferId, caller, "withdrawn", () -> {
            Member member = mine(caller);
            if (member.transfer(transferId).isEmpty()) {
                throw new NotFoundException("transfer not found");
            }
            return member;
        }, (member, now) -> member.withdrawTransfer(transferId, new Actor(ActorKind.MEMBER, caller.subject()), now));
    }

    /**
     * Expires what is due now, batch by batch, until a pass finds nothing more it can expire.
     *
     * @return how many transfers this call expired
     */
    public int expireDue() {
        int expired = 0;
        while (true) {
            Instant now = clock.instant();
            List<String> due = members.findTransfersDue(now, settings.expirySweepBatchSize());
            int expiredInPass = 0;
            for (String memberId : due) {
                try {
                    if (expire(memberId, now)) {
                        expiredInPass++;
                    }
                } catch (RuntimeException e) {
                    // one unreadable record must not hold up every other expiry; it is retried on the next sweep
                    log.warn("transfer expiry of member {} failed: {}", memberId, e.getClass().getSimpleName());
                }
            }
            expired += expiredInPass;
            if (due.size() < settings.expirySweepBatchSize() || expiredInPass == 0) {
                return expired;
            }
        }
    }

    /**
     * Expires the member's pending transfer if it is due at {@code now}. A conditional write: of several sweepers
     * (replicas) or a sweeper and a last-minute decision, exactly one changes the record; the others do nothing.
     *
     * @return true when this call expired it
     */
    boolean expire(String memberId, Instant now) {
        Optional<Member> found = members.findById(memberId);
        if (found.isEmpty()) {
            return false;
        }
        Member member = found.get();
        String transferId = member.pendingTransfer().map(Transfer::id).orElse(null);
        var event = member.expireTransfer(now);
        if (event.isEmpty()) {
            return false;
        }
        try {
            members.update(member, List.of(event.get()));
        } catch (Members.ConcurrentUpdate raced) {
            log.debug("transfer {} was changed by another request or replica while expiring", transferId);
            return false;
        }
        audit.info("member transfer expired transferId={} memberId={} actorSubject=system", transferId, memberId);
        return true;
    }

    private Transferring request(Supplier<Member> load, RequestTransfer command, Actor actor) {
        String toOrgId = command.toOrgId() == null ? null : command.toOrgId().strip();
        UnionOrgs.UnionOrg destination = toOrgId == null || toOrgId.isEmpty() ? null
                : orgs.find(toOrgId).orElse(null);
        String transferId = UUID.randomUUID().toString();
        for (int attempt = 1; ; attempt++) {
            Member member = load.get();
            var event = member.requestTransfer(transferId, destination, command.reason(), actor,
                    settings.expireAfter(), clock.instant());
            try {
                members.update(member, List.of(event));
            } catch (Members.ConcurrentUpdate raced) {
                if (attempt == MAX_ATTEMPTS) {
                    throw new ConflictException("The member record was changed by another request; try again");
                }
                continue;
            }
            audit.info("member transfer requested transferId={} memberId={} actorKind={} actorSubject={} "
                            + "fromOrgPath={} toOrgPath={}", transferId, member.id(), actor.kind(), actor.subject(),
                    event.fromOrgPath(), event.toOrgPath());
            return new Transferring(member, member.transfer(transferId).orElseThrow());
        }
    }

    /** A decision of the destination side: the caller's subtree must hold the destination (origin staff get 403). */
    private Transferring decide(String transferId, OrgPrincipal caller, String outcome,
                                BiFunction<Member, Instant, Object> decision) {
        String scope = MemberAccess.scopeOf(caller);
        return change(transferId, caller, outcome, () -> {
            Member member = findByTransfer(transferId, scope);
            Transfer transfer = member.transfer(transferId).orElseThrow();
            if (!caller.covers(transfer.to().path())) {
                throw new AccessDeniedException("only the destination union decides on a transfer");
            }
            return member;
        }, decision);
    }

    private Transferring change(String transferId, OrgPrincipal caller, String outcome, Supplier<Member> load,
                                BiFunction<Member, Instant, Object> step) {
        for (int attempt = 1; ; attempt++) {
            Member member = load.get();
            Object event;
            try {
                event = step.apply(member, clock.instant());
            } catch (NotTheRequester notTheRequester) {
                throw new AccessDeniedException(notTheRequester.getMessage());
            }
            try {
                members.update(member, List.of(event));
            } catch (Members.ConcurrentUpdate raced) {
                // re-read: the other request may have closed the transfer, which the next attempt answers with 409
                if (attempt == MAX_ATTEMPTS) {
                    throw new ConflictException("The transfer was changed by another request; try again");
                }
                continue;
            }
            audit.info("member transfer {} transferId={} memberId={} actorSubject={} actorOrgPath={}", outcome,
                    transferId, member.id(), caller.subject(), caller.orgPath());
            return new Transferring(member, member.transfer(transferId).orElseThrow());
        }
    }

    private Member findByTransfer(String transferId, String scope) {
        return members.findByTransfer(transferId, scope)
                .orElseThrow(() -> new NotFoundException("transfer not found"));
    }

    private Member mine(OrgPrincipal caller) {
        return members.findByAccount(caller.subject())
                .orElseThrow(() -> new NotFoundException("no member record is linked to this account"));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Member.CHINA);
    }

    /** The member after a transfer step, and the transfer as it stands now. */
    public record Transferring(Member member, Transfer transfer) {

        @Override
        public String toString() {
            return "Transferring[memberId=" + member.id() + ", transferId=" + transfer.id() + "]";
        }
    }
}
