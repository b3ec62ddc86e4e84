package cn.smartunion.membership.staff.application;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import cn.smartunion.membership.org.application.OrgQueries;
import cn.smartunion.membership.org.domain.OrgUnit;
import cn.smartunion.membership.staff.domain.StaffAccount;
import cn.smartunion.membership.staff.domain.StaffAccountStatus;
import cn.smartunion.membership.staff.domain.StaffAccounts;
import cn.smartunion.membership.staff.domain.StaffRoles;
import cn.smartunion.runtime.problem.ConflictException;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Delegated administration of staff accounts: a union administrator creates, re-roles and disables the logins of
 * staff in their own subtree, granting only roles they hold themselves.
 *
 * <p>Without transactions across Mongo and Keycloak, every change is recorded locally first, then made in Keycloak,
 * then confirmed locally; {@link StaffAccountReconciler} finishes what a crash interrupted. A creation is rolled back
 * (its temporary password was never delivered, so the account would be useless), a role change or a disabling is
 * completed (both are idempotent "make it so" requests).
 */
@Service
public class StaffAccountProvisioning {

    public static final String ADMIN_ROLE = "union-admin";

    private static final Logger log = LoggerFactory.getLogger(StaffAccountProvisioning.class);

    private final StaffAccounts accounts;
    private final StaffIdentities identities;
    private final StaffRoles staffRoles;
    private final OrgQueries orgs;
    private final TemporaryPasswords passwords;
    private final Clock clock;

    public StaffAccountProvisioning(StaffAccounts accounts, StaffIdentities identities, StaffRoles staffRoles,
                                    OrgQueries orgs, TemporaryPasswords passwords, Clock clock) {
        this.accounts = accounts;
        this.identities = identities;
        this.staffRoles = staffRoles;
        this.orgs = orgs;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** The outcome of a creation: the temporary password only when the account was created by this call. */
    public record Provisioned(StaffAccount account, String temporaryPassword, boolean created) {

        @Override
        public String toString() {
            return "Provisioned[account=" + account.id() + ", created=" + created + "]";
        }
    }

    public Provisioned create(CreateStaffAccount command, OrgPrincipal caller) {
        Set<String> roles = staffRoles.check(command.roles());
        String username = StaffAccount.normaliseUsername(command.username());
        OrgUnit org = orgs.get(command.orgId(), caller);
        requireAdmin(caller);
        StaffRoles.requireHeld(caller.roles(), roles);
        if (org.isDissolved()) {
            throw new ConflictException("the organisation is dissolved: no new staff accounts");
        }

        identities.requireAvailable();
        var existing = accounts.findByUsername(username);
        if (existing.isPresent()) {
            return retried(existing.get(), command, roles, caller);
        }
        StaffAccount account = StaffAccount.request(UUID.randomUUID().toString(), username, org.id(),
                org.path().value(), roles, caller.subject(), caller.username(), clock.instant());
        try {
            account = accounts.add(account);
        }
        catch (StaffAccounts.DuplicateUsername raced) {
            return retried(accounts.findByUsername(username).orElseThrow(() -> raced), command, roles, caller);
        }
        String password = passwords.generate();
        String identityId;
        try {
            identityId = identities.create(new NewStaffIdentity(account.id(), username, command.email(),
                    command.firstName(), command.lastName(), account.orgPath(), roles, password));
        }
        catch (IdentityTaken taken) {
            accounts.remove(account); // Keycloak refused the account itself: nothing was created there
            throw new ConflictException("the username or email is already in use by another account");
        }
        catch (RuntimeException failed) {
            // Keycloak may hold part of the account (created, roles missing): mark the record, try to undo now,
            // and leave whatever cannot be undone now to a retry or the reconciler
            rollBack(markFailed(account));
            throw failed;
        }
        account.activate(identityId, clock.instant());
        account = accounts.update(account);
        log.info("staff account {} created for org {} with roles {} by {}", account.id(), account.orgId(),
                account.roles(), caller.subject());
        return new Provisioned(account, password, true);
    }

    public StaffAccount changeRoles(String id, Set<String> requested, OrgPrincipal caller) {
        Set<String> roles = staffRoles.check(requested);
        StaffAccount account = manageable(id, caller);
        StaffRoles.requireHeld(caller.roles(), roles);
        if (account.status() == StaffAccountStatus.ACTIVE && account.roles().equals(roles)) {
            return account;
        }
        identities.requireAvailable();
        account.requestRoles(roles, clock.instant());
        account = accounts.update(account);
        identities.setRoles(account.identityId(), roles, staffRoles.assignable());
        account.rolesApplied(clock.instant());
        account = accounts.update(account);
        log.info("staff account {} now has roles {} (changed by {})", account.id(), account.roles(), caller.subject());
        return account;
    }

    public StaffAccount disable(String id, OrgPrincipal caller) {
        StaffAccount account = manageable(id, caller);
        if (account.status() == StaffAccountStatus.DISABLED) {
            return account;
        }
        identities.requireAvailable();
        account.requestDisable(clock.instant());
        account = accounts.update(account);
        identities.disable(account.identityId());
        account.disabled(clock.instant());
        account = accounts.update(account);
        log.info("staff account {} disabled by {}", account.id(), caller.subject());
        return account;
    }

    /** A record in the caller's subtree (else 404) that the caller may manage: admin, holding all its roles. */
    private StaffAccount manageable(String id, OrgPrincipal caller) {
        StaffAccount account = accounts.findWithin(id, scopeOf(caller))
                .orElseThrow(() -> new NotFoundException("staff account not found"));
        requireAdmin(caller);
        if (caller.subject().equals(account.identityId())) {
            throw new AccessDeniedException("administrators cannot change their own account");
        }
        StaffRoles.requireHeld(caller.roles(), account.roles());
        return account;
    }

    private Provisioned retried(StaffAccount existing, CreateStaffAccount command, Set<String> roles,
                                OrgPrincipal caller) {
        if (!caller.covers(existing.orgPath())) {
            throw new ConflictException("the username is already in use by another account");
        }
        switch (existing.status()) {
            case PENDING -> throw new ConflictException("this account is still being created; try again shortly");
            case FAILED -> {
                // an earlier attempt failed part way: finish removing it, then create afresh
                identities.removeIfCreatedFor(existing.username(), existing.id());
                if (!accounts.remove(existing)) {
                    throw new ConflictException("this account is still being created; try again shortly");
                }
                return create(command, caller);
            }
            case DISABLED, DISABLING -> throw new ConflictException("a disabled staff account has this username");
            default -> {
                if (!existing.sameRequest(command.orgId(), roles)) {
                    throw new ConflictException(
                            "a staff account with this username exists for another organisation or other roles");
                }
                return new Provisioned(existing, null, false);
            }
        }
    }

    private StaffAccount markFailed(StaffAccount account) {
        try {
            account.fail(clock.instant());
            return accounts.update(account);
        }
        catch (RuntimeException e) {
            // the record stays PENDING; the reconciler rolls it back after the grace period
            log.warn("could not mark staff account {} as failed: {}", account.id(), e.toString());
            return null;
        }
    }

    private void rollBack(StaffAccount failed) {
        if (failed == null) {
            return;
        }
        try {
            identities.removeIfCreatedFor(failed.username(), failed.id());
            accounts.remove(failed);
        }
        catch (RuntimeException e) {
            log.warn("staff account {}: creation failed and could not be undone yet ({}); the reconciler will",
                    failed.id(), e.toString());
        }
    }

    static void requireAdmin(OrgPrincipal caller) {
        if (!caller.hasRole(ADMIN_ROLE)) {
            throw new AccessDeniedException("managing staff accounts needs the " + ADMIN_ROLE + " role");
        }
    }

    static String scopeOf(OrgPrincipal caller) {
        if (!caller.hasOrgPath()) {
            throw new AccessDeniedException("the caller belongs to no union organisation");
        }
        return caller.orgPath();
    }
}
