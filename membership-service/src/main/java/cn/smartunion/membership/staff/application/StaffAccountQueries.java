package cn.smartunion.membership.staff.application;

import cn.smartunion.membership.staff.domain.StaffAccount;
import cn.smartunion.membership.staff.domain.StaffAccounts;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.stereotype.Service;

/** Reading staff accounts: administrators only, limited to their subtree in the query itself. */
@Service
public class StaffAccountQueries {

    public static final int MAX_PAGE_SIZE = 200;

    private final StaffAccounts accounts;

    public StaffAccountQueries(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    public StaffAccount get(String id, OrgPrincipal caller) {
        StaffAccount account = accounts.findWithin(id, StaffAccountProvisioning.scopeOf(caller))
                .orElseThrow(() -> new NotFoundException("staff account not found"));
        StaffAccountProvisioning.requireAdmin(caller);
        return account;
    }

    public StaffAccounts.PageOf<StaffAccount> list(OrgPrincipal caller, int page, int size) {
        String scope = StaffAccountProvisioning.scopeOf(caller);
        StaffAccountProvisioning.requireAdmin(caller);
        return accounts.listWithin(scope, page, Math.min(size, MAX_PAGE_SIZE));
    }
}
