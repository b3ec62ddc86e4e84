package cn.smartunion.membership.staff.adapter.in.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import cn.smartunion.membership.staff.application.CreateStaffAccount;
import cn.smartunion.membership.staff.application.StaffAccountProvisioning;
import cn.smartunion.membership.staff.application.StaffAccountQueries;
import cn.smartunion.membership.staff.domain.StaffAccount;
import cn.smartunion.membership.staff.domain.StaffAccountStatus;
import cn.smartunion.runtime.idempotency.IdempotencyFilter;
import cn.smartunion.runtime.scope.OrgPrincipal;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff accounts: union administrators create the logins of staff in their own subtree, with roles they hold.
 * A new account's temporary password is in the 201 answer and nowhere else: it is never stored or logged (not even
 * for Idempotency-Key replays), and a retried request (200) does not repeat it.
 */
@RestController
@Validated
@RequestMapping(StaffAccountController.PATH)
class StaffAccountController {

    static final String PATH = "/api/membership/v1/staff-accounts";

    private final StaffAccountProvisioning provisioning;
    private final StaffAccountQueries queries;

    StaffAccountController(StaffAccountProvisioning provisioning, StaffAccountQueries queries) {
        this.provisioning = provisioning;
        this.queries = queries;
    }

    @PostMapping
    ResponseEntity<StaffAccountView> create(@Valid @RequestBody CreateStaffAccountRequest request,
                                            @AuthenticationPrincipal OrgPrincipal caller,
                                            HttpServletRequest httpRequest) {
        var provisioned = provisioning.create(new CreateStaffAccount(request.username(), request.email(),
                request.firstName(), request.lastName(), request.orgId(), request.roles()), caller);
        StaffAccount account = provisioned.account();
        if (!provisioned.created()) {
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(StaffAccountView.of(account, null));
        }
        // the temporary password is shown once: an Idempotency-Key retry gets the status and Location, not the body
        IdempotencyFilter.doNotStoreResponseBody(httpRequest);
        return ResponseEntity.created(URI.create(PATH + "/" + account.id()))
                .cacheControl(CacheControl.noStore())
                .header("Pragma", "no-cache")
                .body(StaffAccountView.of(account, provisioned.temporaryPassword()));
    }

    @GetMapping("/{id}")
    StaffAccountView get(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        return StaffAccountView.of(queries.get(id, caller), null);
    }

    @GetMapping
    PageView list(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                  @RequestParam(defaultValue = "20") @Min(1) @Max(StaffAccountQueries.MAX_PAGE_SIZE) int size,
                  @AuthenticationPrincipal OrgPrincipal caller) {
        var result = queries.list(caller, page, size);
        return new PageView(result.items().stream().map(a -> StaffAccountView.of(a, null)).toList(), result.page(),
                result.size(), result.totalItems());
    }

    @PostMapping("/{id}/disable")
    StaffAccountView disable(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        return StaffAccountView.of(provisioning.disable(id, caller), null);
    }

    @PutMapping("/{id}/roles")
    StaffAccountView changeRoles(@PathVariable @Size(max = 64) String id, @Valid @RequestBody RolesRequest request,
                                 @AuthenticationPrincipal OrgPrincipal caller) {
        return StaffAccountView.of(provisioning.changeRoles(id, request.roles(), caller), null);
    }

    record CreateStaffAccountRequest(
            @NotBlank @Size(max = 64) String username,
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotBlank @Size(max = 64) String orgId,
            @NotEmpty @Size(max = 20) Set<@NotBlank @Size(max = 64) String> roles) {

        @Override
        public String toString() {
            return "CreateStaffAccountRequest[orgId=" + orgId + ", roles=" + roles + "]";
        }
    }

    record RolesRequest(@NotEmpty @Size(max = 20) Set<@NotBlank @Size(max = 64) String> roles) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StaffAccountView(String id, String username, String orgId, String orgPath, List<String> roles,
                            List<String> requestedRoles, StaffAccountStatus status, String keycloakUserId,
                            String createdBy, String createdByUsername, Instant createdAt,
                            String temporaryPassword) {

        static StaffAccountView of(StaffAccount a, String temporaryPassword) {
            return new StaffAccountView(a.id(), a.username(), a.orgId(), a.orgPath(), a.roles().stream().sorted().toList(),
                    a.requestedRoles() == null ? null : a.requestedRoles().stream().sorted().toList(), a.status(),
                    a.identityId(), a.createdBy(), a.createdByUsername(), a.createdAt(), temporaryPassword);
        }

        @Override
        public String toString() {
            return "StaffAccountView[id=" + id + ", status=" + status + "]";
        }
    }

    record PageView(List<StaffAccountView> items, int page, int size, long totalItems) {
    }
}
