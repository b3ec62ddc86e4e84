package cn.smartunion.membership.member.application;

import cn.smartunion.membership.member.domain.Member;
import cn.smartunion.membership.member.domain.MemberRuleViolation;
import cn.smartunion.membership.member.domain.MemberStatus;
import cn.smartunion.membership.member.domain.Members;
import cn.smartunion.membership.member.domain.UnionOrgs;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Reading member records. Staff read within their subtree only, in the query itself; lists show personal data
 * masked, the detail view shows the legal name in full (audited). Members read only the record linked to their own
 * account, masked.
 */
@Service
public class MemberQueries {

    public static final int MAX_PAGE_SIZE = 200;

    private static final Logger audit = LoggerFactory.getLogger("cn.smartunion.audit.membership");

    private final Members members;
    private final UnionOrgs orgs;
    private final MemberPersonalData personalData;

    public MemberQueries(Members members, UnionOrgs orgs, MemberPersonalData personalData) {
        this.members = members;
        this.orgs = orgs;
        this.personalData = personalData;
    }

    /** A record in the caller's subtree, with the legal name in full. */
    public Details get(String memberId, OrgPrincipal caller) {
        MemberAccess.requireStaff(caller);
        Member member = members.findWithin(memberId, MemberAccess.scopeOf(caller))
                .orElseThrow(() -> new NotFoundException("member not found"));
        audit.info("member read memberId={} actorSubject={} shown=legalName", memberId, caller.subject());
        return new Details(member, personalData.reveal(member.person().legalName()), orgName(member));
    }

    /**
     * Members in the caller's subtree, optionally narrowed to the subtree of {@code orgId} (which must lie in the
     * caller's), a status and a group tag.
     */
    public Members.PageOf<Members.MemberSummary> list(OrgPrincipal caller, MemberStatus status, String orgId,
                                                      String groupTag, int page, int size) {
        MemberAccess.requireStaff(caller);
        String scope = MemberAccess.scopeOf(caller);
        if (orgId != null && !orgId.isBlank()) {
            scope = orgs.find(orgId.strip()).map(UnionOrgs.UnionOrg::path)
                    .filter(path -> MemberAccess.covers(caller, path))
                    .orElseThrow(() -> new MemberRuleViolation("orgId", "no such union organisation"));
        }
        return members.list(new Members.MemberFilter(scope, status, groupTag), page, Math.min(size, MAX_PAGE_SIZE));
    }

    /** The caller's own record (linked to their account), personal data masked. */
    public Details mine(OrgPrincipal caller) {
        MemberAccess.requireMember(caller);
        Member member = members.findByAccount(caller.subject())
                .orElseThrow(() -> new NotFoundException("no member record is linked to this account"));
        return new Details(member, null, orgName(member));
    }

    private String orgName(Member member) {
        return orgs.find(member.org().id()).map(UnionOrgs.UnionOrg::name).orElse(null);
    }

    /**
     * A member record as read.
     *
     * @param legalName the name in full, or null when the reader sees it masked only
     * @param orgName   the union's name, null if it could not be read
     */
    public record Details(Member member, String legalName, String orgName) {

        @Override
        public String toString() {
            return "Details[memberId=" + member.id() + "]";
        }
    }
}
