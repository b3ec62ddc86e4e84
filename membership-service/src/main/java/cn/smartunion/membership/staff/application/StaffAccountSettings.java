package cn.smartunion.membership.staff.application;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff account rules ({@code smartunion.staff-accounts.*}).
 *
 * @param assignableRoles the realm roles administrators may grant through this service
 * @param grace how long a change may be under way before the reconciler takes it for interrupted; far longer than a
 *              request can take with the identity provider's timeouts
 * @param reconcileInterval how often the reconciler looks for interrupted changes; 0 switches it off
 */
@ConfigurationProperties("smartunion.staff-accounts")
public record StaffAccountSettings(
        @DefaultValue({"union-admin", "union-staff", "aid-officer", "aid-approver", "rights-agent", "mediator",
                "competition-organiser", "judge", "analyst"}) Set<String> assignableRoles,
        @DefaultValue("2m") Duration grace,
        @DefaultValue("60s") Duration reconcileInterval) {
}
