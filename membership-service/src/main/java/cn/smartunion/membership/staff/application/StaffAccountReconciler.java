package cn.smartunion.membership.staff.application;

import cn.smartunion.membership.staff.domain.StaffAccount;
import cn.smartunion.membership.staff.domain.StaffAccounts;
import cn.smartunion.membership.staff.domain.StaffRoles;
import cn.smartunion.runtime.scheduling.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Finishes staff account changes that a crash or an outage interrupted between the local record and Keycloak, once
 * they are older than the grace period (so a request still under way is never disturbed):
 * <ul>
 * <li>PENDING or FAILED creations are rolled back: the Keycloak account, if it was created for this record, is
 * deleted, then the record. The temporary password was never handed out, so completing them would leave an account
 * nobody can log in to; the administrator's retry creates it afresh.</li>
 * <li>UPDATING_ROLES and DISABLING are completed: the requested state is set in Keycloak (idempotent), then
 * confirmed locally.</li>
 * </ul>
 * Every step is conditional on the record's version, so several instances may reconcile at once.
 */
@Component
public class StaffAccountReconciler extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(StaffAccountReconciler.class);
    private static final int BATCH = 100;

    private final StaffAccounts accounts;
    private final StaffIdentities identities;
    private final StaffRoles staffRoles;
    private final StaffAccountSettings settings;
    private final Clock clock;

    public StaffAccountReconciler(StaffAccounts accounts, StaffIdentities identities, StaffRoles staffRoles,
                                  StaffAccountSettings settings, Clock clock) {
        super("staff-account-reconciler");
        this.accounts = accounts;
        this.identities = identities;
        this.staffRoles = staffRoles;
        this.settings = settings;
        this.clock = clock;
    }

    /** One pass over the records that have been in flight longer than the grace period. */
    public Result reconcile() {
        return reconcile(clock.instant().minus(settings.grace()));
    }

    /** One pass over the records in flight since before {@code changedBefore}. */
    public Result reconcile(Instant changedBefore) {
        if (!identities.configured()) {
            return new Result(0, 0, 0);
        }
        int rolledBack = 0;
        int completed = 0;
        int failed = 0;
        for (StaffAccount account : accounts.inFlightSince(changedBefore, BATCH)) {
            try {
                switch (account.status()) {
                    case PENDING, FAILED -> {
                        identities.removeIfCreatedFor(account.username(), account.id());
                        if (accounts.remove(account)) {
                            rolledBack++;
                            log.info("staff account {}: interrupted creation rolled back", account.id());
                        }
                    }
                    case UPDATING_ROLES -> {
                        identities.setRoles(account.identityId(), account.requestedRoles(), staffRoles.assignable());
                        account.rolesApplied(clock.instant());
                        accounts.update(account);
                        completed++;
                        log.info("staff account {}: interrupted role change completed", account.id());
                    }
                    case DISABLING -> {
                        identities.disable(account.identityId());
                        account.disabled(clock.instant());
                        accounts.update(account);
                        completed++;
                        log.info("staff account {}: interrupted disabling completed", account.id());
                    }
                    default -> {
                    }
                }
            }
            catch (IdentityProviderUnavailable unavailable) {
                log.warn("staff account reconciliation paused: {}", unavailable.getMessage());
                failed++;
                break;
            }
            catch (StaffAccounts.StaleRecord changedMeanwhile) {
                // someone else moved it on; the next pass sees the new state
            }
            catch (RuntimeException e) {
                failed++;
                log.warn("staff account {}: reconciliation failed: {}", account.id(), e.toString());
            }
        }
        return new Result(rolledBack, completed, failed);
    }

    public record Result(int rolledBack, int completed, int failed) {
    }

    @Override
    protected void runOnce() {
        reconcile();
    }

    @Override
    protected Duration interval() {
        return settings.reconcileInterval();
    }

    /** A zero interval switches the schedule off (tests reconcile by hand). */
    @Override
    protected boolean hasWork() {
        return !settings.reconcileInterval().isZero() && !settings.reconcileInterval().isNegative();
    }
}
