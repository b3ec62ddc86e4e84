package cn.smartunion.membership.member.application;

import cn.smartunion.membership.member.domain.Member;
import cn.smartunion.membership.member.domain.Members;
import cn.smartunion.membership.member.domain.Transfer;
import cn.smartunion.membership.member.domain.TransferStatus;
import cn.smartunion.membership.member.domain.UnionOrgs;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reading transfers. A pending transfer is an explicit, time-boxed grant: staff of the destination subtree, which
 * may be another city or another root of the tree, see the minimal view needed to decide (name and ID number masked,
 * the unions, reason, dates), never the member record, and only until the transfer ends or its deadline passes; the
 * query itself filters on the transfer's destination path and deadline. Every read through the grant (the caller's
 * subtree does not hold the member) is written to the audit log with ids and paths only.
 */
@Service
public class TransferQueries {

    public static final int MAX_PAGE_SIZE = 200;

    private static final Logger audit = LoggerFactory.getLogger("cn.smartunion.audit.membership");

    private final Members members;
    private final UnionOrgs orgs;
    private final Clock clock;

    public TransferQueries(Members members, UnionOrgs orgs, Clock clock) {
        this.members = members;
        this.orgs = orgs;
        this.clock = clock;
    }

    /**
     * Incoming (destination in the caller's subtree) or outgoing (origin in it) transfers with this status. Incoming
     * transfers are listed while pending (before their deadline) and once accepted only.
     */
    public Members.PageOf<TransferDetails> list(OrgPrincipal caller, Members.TransferDirection direction,
                                                TransferStatus status, int page, int size) {
        MemberAccess.requireStaff(caller);
        var filter = new Members.TransferFilter(direction, MemberAccess.scopeOf(caller),
                status == null ? TransferStatus.PENDING : status);
        var found = members.listTransfers(filter, clock.instant(), page, Math.min(size, MAX_PAGE_SIZE));
        List<TransferDetails> items = details(found.items(), caller);
        List<String> granted = items.stream().filter(TransferDetails::throughGrant)
                .map(TransferDetails::transferId).toList();
        if (!granted.isEmpty()) {
            audit.info("member transfers read basis=GRANT direction={} status={} transferIds={} actorSubject={} "
                    + "actorOrgPath={}", direction, filter.status(), granted, caller.subject(), caller.orgPath());
        }
        return new Members.PageOf<>(items, found.page(), found.size(), found.totalItems());
    }

    /** One transfer the caller's subtree is a side of (see {@link Members#findTransfer}); otherwise not found. */
    public TransferDetails get(String transferId, OrgPrincipal caller) {
        MemberAccess.requireStaff(caller);
        var found = members.findTransfer(transferId, MemberAccess.scopeOf(caller), clock.instant())
                .orElseThrow(() -> new NotFoundException("transfer not found"));
        TransferDetails details = details(List.of(found), caller).get(0);
        if (details.throughGrant()) {
            audit.info("member transfer read basis=GRANT transferId={} actorSubject={} actorOrgPath={}",
                    transferId, caller.subject(), caller.orgPath());
        }
        return details;
    }

    /** The transfers of the caller's own member record, newest first. */
    public List<TransferDetails> mine(OrgPrincipal caller) {
        MemberAccess.requireMember(caller);
        Member member = members.findByAccount(caller.subject())
                .orElseThrow(() -> new NotFoundException("no member record is linked to this account"));
        List<Members.TransferSummary> summaries = new ArrayList<>(member.transfers().stream()
                .map(t -> summary(member, t)).toList());
        Collections.reverse(summaries);
        return details(summaries, null);
    }

    /** The view of a transfer just changed by {@code caller} (who may have lost the grant by that very change). */
    public TransferDetails afterChange(MemberTransfers.Transferring changed, OrgPrincipal caller) {
        return details(List.of(summary(changed.member(), changed.transfer())), caller).get(0);
    }

    private static Members.TransferSummary summary(Member member, Transfer transfer) {
        return new Members.TransferSummary(member.id(), member.org().path(), member.person().legalName().masked(),
                member.person().citizenIdNumber().masked(), transfer);
    }

    /** @param caller null for the member's own view */
    private List<TransferDetails> details(List<Members.TransferSummary> summaries, OrgPrincipal caller) {
        Set<String> orgIds = new HashSet<>();
        summaries.forEach(s -> {
            orgIds.add(s.transfer().from().id());
            orgIds.add(s.transfer().to().id());
        });
        Map<String, UnionOrgs.UnionOrg> named = orgs.findAll(orgIds);
        return summaries.stream().map(s -> {
            boolean grant = caller != null && !caller.covers(s.memberOrgPath());
            return TransferDetails.of(s, grant, caller == null, named);
        }).toList();
    }

    /**
     * A transfer as one reader sees it.
     *
     * @param memberId     null when read through the grant: the destination learns the member's id once it owns
     *                     the record
     * @param throughGrant the caller's subtree does not hold the member; the read was audited
     */
    public record TransferDetails(String transferId, String memberId, String maskedLegalName,
                                  String maskedCitizenIdNumber, Transfer transfer, String fromOrgName,
                                  String toOrgName, boolean throughGrant) {

        static TransferDetails of(Members.TransferSummary s, boolean grant, boolean own,
                                  Map<String, UnionOrgs.UnionOrg> named) {
            Transfer t = s.transfer();
            return new TransferDetails(t.id(), grant && !own ? null : s.memberId(), s.maskedLegalName(),
                    s.maskedCitizenIdNumber(), t, name(named, t.from().id()), name(named, t.to().id()), grant);
        }

        private static String name(Map<String, UnionOrgs.UnionOrg> named, String orgId) {
            UnionOrgs.UnionOrg org = named.get(orgId);
            return org == null ? null : org.name();
        }
    }
}
