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
    private final PersonMatching matching;

    public MemberQueries(Members members, UnionOrgs orgs, MemberPersonalData personalData, PersonMatching matching) {
        this.members = members;
        this.orgs = orgs;
        this.personalData = personalData;
        this.matching = matching;
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

    /**
     * Where the person with this citizen ID number and legal name stands among the members of the union at
     * {@code scopePath} and below: for identity checks by partner systems, which decide themselves who may ask. Gives
     * status and union only, nothing else of the record.
     *
     * @throws MemberRuleViolation naming {@code citizenIdNumber} or {@code legalName}
     */
    public Standing standing(String citizenIdNumber, String legalName, String scopePath) {
        PersonMatching.Match match = matching.matchWithin(citizenIdNumber, legalName, scopePath);
        return match.member()
                .map(m -> new Standing(match.personKey(), true, m.status(), m.org().id(), orgName(m)))
                .orElseGet(() -> new Standing(match.personKey(), match.recordFound(), null, null, null));
    }

    private String orgName(Member member) {
        return orgs.find(member.org().id()).map(UnionOrgs.UnionOrg::name).orElse(null);
    }

    /**
     * @param personKey   the blind index of the citizen ID number
     * @param recordFound a record with this ID number exists in scope, whatever the name
     * @param status      the record's status when ID number and name both match, otherwise null
     * @param orgId       the member's union when both match, otherwise null
     * @param orgName     its name, null if it could not be read
     */
    public record Standing(String personKey, boolean recordFound, MemberStatus status, String orgId, String orgName) {

        public boolean matched() {
            return status != null;
        }

        @Override
        public String toString() {
            return "Standing[recordFound=" + recordFound + ", status=" + status + ", orgId=" + orgId + "]";
        }
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
