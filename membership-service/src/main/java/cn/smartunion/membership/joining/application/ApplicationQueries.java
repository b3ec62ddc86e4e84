package cn.smartunion.membership.joining.application;

import cn.smartunion.membership.joining.domain.Application;
import cn.smartunion.membership.joining.domain.ApplicationStatus;
import cn.smartunion.membership.joining.domain.Applications;
import cn.smartunion.membership.member.application.MemberAccess;
import cn.smartunion.membership.member.domain.MemberRuleViolation;
import cn.smartunion.membership.member.domain.UnionOrgs;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Reading applications, personal data always masked. Staff read the applications to unions in their subtree (the
 * scope is part of the query); a worker reads the applications they submitted with their own account.
 */
@Service
public class ApplicationQueries {

    public static final int MAX_PAGE_SIZE = 200;

    private final Applications applications;
    private final UnionOrgs orgs;

    public ApplicationQueries(Applications applications, UnionOrgs orgs) {
        this.applications = applications;
        this.orgs = orgs;
    }

    /** An application to a union in the caller's subtree. */
    public Details get(String applicationId, OrgPrincipal caller) {
        MemberAccess.requireStaff(caller);
        Application application = applications.findWithin(applicationId, scopeOf(caller))
                .orElseThrow(() -> new NotFoundException("application not found"));
        return new Details(application, orgName(application));
    }

    /**
     * Applications to unions in the caller's subtree, optionally narrowed to the subtree of {@code orgId} (which must
     * lie in the caller's) and a status.
     */
    public Applications.PageOf<Applications.ApplicationSummary> list(OrgPrincipal caller, ApplicationStatus status,
                                                                     String orgId, int page, int size) {
        MemberAccess.requireStaff(caller);
        String scope = scopeOf(caller);
        if (orgId != null && !orgId.isBlank()) {
            scope = orgs.find(orgId.strip()).map(UnionOrgs.UnionOrg::path)
                    .filter(path -> MemberAccess.covers(caller, path))
                    .orElseThrow(() -> new MemberRuleViolation("orgId", "no such union organisation"));
        }
        return applications.list(new Applications.ApplicationFilter(scope, status), page,
                Math.min(size, MAX_PAGE_SIZE));
    }

    /** The caller's own applications (submitted with their account), newest first. */
    public Applications.PageOf<Applications.ApplicationSummary> mine(OrgPrincipal caller, int page, int size) {
        MemberAccess.requireMember(caller);
        return applications.listOfAccount(caller.subject(), page, Math.min(size, MAX_PAGE_SIZE));
    }

    /** One of the caller's own applications. */
    public Details mine(String applicationId, OrgPrincipal caller) {
        MemberAccess.requireMember(caller);
        Application application = applications.findOfAccount(applicationId, caller.subject())
                .orElseThrow(() -> new NotFoundException("application not found"));
        return new Details(application, orgName(application));
    }

    private String orgName(Application application) {
        return orgs.find(application.target().id()).map(UnionOrgs.UnionOrg::name).orElse(null);
    }

    private static String scopeOf(OrgPrincipal caller) {
        if (!caller.hasOrgPath()) {
            throw new AccessDeniedException("the caller belongs to no union organisation");
        }
        return caller.orgPath();
    }

    /**
     * An application as read.
     *
     * @param orgName the receiving union's name, null if it could not be read
     */
    public record Details(Application application, String orgName) {

        @Override
        public String toString() {
            return "Details[applicationId=" + application.id() + "]";
        }
    }
}
