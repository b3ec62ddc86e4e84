package cn.smartunion.membership.org.adapter.in.web;

import cn.smartunion.membership.org.application.OrgQueries;
import cn.smartunion.membership.org.application.OrgRegistration;
import cn.smartunion.membership.org.application.RegisterOrg;
import cn.smartunion.membership.org.domain.OrgType;
import cn.smartunion.membership.org.domain.OrgUnit;
import cn.smartunion.runtime.scope.OrgPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** The union organisation tree. Callers see and extend only their own subtree. */
@RestController
@Validated
@RequestMapping("/api/membership/v1/orgs")
class OrgController {

    private final OrgRegistration registration;
    private final OrgQueries queries;

    OrgController(OrgRegistration registration, OrgQueries queries) {
        this.registration = registration;
        this.queries = queries;
    }

    @PostMapping
    ResponseEntity<OrgView> register(@Valid @RequestBody RegisterOrgRequest request,
                                     @AuthenticationPrincipal OrgPrincipal caller) {
        OrgUnit unit = registration.register(
                new RegisterOrg(request.parentId(), request.code(), request.name(), request.orgType()), caller);
        return ResponseEntity.created(URI.create("/api/membership/v1/orgs/" + unit.id())).body(OrgView.of(unit));
    }

    @GetMapping("/{id}")
    OrgView get(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        return OrgView.of(queries.get(id, caller));
    }

    @GetMapping
    PageView list(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                  @RequestParam(defaultValue = "20") @Min(1) @Max(OrgQueries.MAX_PAGE_SIZE) int size,
                  @AuthenticationPrincipal OrgPrincipal caller) {
        var result = queries.subtree(caller, page, size);
        return new PageView(result.items().stream().map(OrgView::of).toList(), result.page(), result.size(),
                result.totalItems());
    }

    record RegisterOrgRequest(
            @NotBlank @Size(max = 64) String parentId,
            @NotBlank @Pattern(regexp = "[0-9A-Za-z-]{1,32}") String code,
            @NotBlank @Size(max = 200) String name,
            @NotNull OrgType orgType) {
    }

    record OrgView(String id, String code, String name, OrgType orgType, String parentId, String path,
                   String divisionCode, Instant registeredAt) {

        static OrgView of(OrgUnit unit) {
            return new OrgView(unit.id(), unit.code(), unit.name(), unit.type(), unit.parentId(), unit.path().value(),
                    unit.divisionCode(), unit.registeredAt());
        }
    }

    record PageView(List<OrgView> items, int page, int size, long totalItems) {
    }
}
