package cn.smartunion.membership.org.adapter.in.web;

import cn.smartunion.membership.org.application.DissolveOrg;
import cn.smartunion.membership.org.application.MoveOrg;
import cn.smartunion.membership.org.application.OrgAmendment;
import cn.smartunion.membership.org.application.OrgDissolution;
import cn.smartunion.membership.org.application.OrgQueries;
import cn.smartunion.membership.org.application.OrgRegistration;
import cn.smartunion.membership.org.application.OrgRestructuring;
import cn.smartunion.membership.org.application.RegisterOrg;
import cn.smartunion.membership.org.application.UpdateOrg;
import cn.smartunion.membership.org.domain.CoveredUnit;
import cn.smartunion.membership.org.domain.OrgProfile;
import cn.smartunion.membership.org.domain.OrgRuleViolation;
import cn.smartunion.membership.org.domain.OrgType;
import cn.smartunion.membership.org.domain.OrgUnit;
import cn.smartunion.membership.org.domain.OrgUnits;
import cn.smartunion.membership.org.domain.UnitOwnership;
import cn.smartunion.runtime.personaldata.UnifiedSocialCreditCode;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The union organisation tree. Callers see and change only their own subtree (anything else is not found); changes
 * need the {@code union-admin} role. Every organisation response carries {@code ETag: "<revision>"}; replacing the
 * record ({@code PUT}) requires {@code If-Match} with it (428 without, 412 when stale), moving and dissolving check
 * it when given.
 */
@RestController
@Validated
@RequestMapping("/api/membership/v1/orgs")
class OrgController {

    private static final String INDUSTRY_CODE = "[A-T]([0-9]{2}([0-9]{1,2})?)?";
    private static final String REASON_CODE = "[A-Z][A-Z0-9_]{1,63}";

    private final OrgRegistration registration;
    private final OrgAmendment amendment;
    private final OrgRestructuring restructuring;
    private final OrgDissolution dissolution;
    private final OrgQueries queries;

    OrgController(OrgRegistration registration, OrgAmendment amendment, OrgRestructuring restructuring,
                  OrgDissolution dissolution, OrgQueries queries) {
        this.registration = registration;
        this.amendment = amendment;
        this.restructuring = restructuring;
        this.dissolution = dissolution;
        this.queries = queries;
    }

    @PostMapping
    ResponseEntity<OrgView> register(@Valid @RequestBody RegisterOrgRequest request,
                                     @AuthenticationPrincipal OrgPrincipal caller) {
        OrgUnit unit = registration.register(new RegisterOrg(request.parentId(), request.code(), request.name(),
                request.orgType(), profile(request.industryCodes(), request.coveredUnits(), request.ownership(),
                request.employeeCount(), request.foundedOn(), request.endsOn())), caller);
        return ResponseEntity.created(URI.create("/api/membership/v1/orgs/" + unit.id()))
                .eTag(IfMatch.etag(unit.version())).body(OrgView.of(new OrgQueries.OrgDetails(unit, 0, 0)));
    }

    @GetMapping("/{id}")
    ResponseEntity<OrgView> get(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        return view(queries.details(id, caller));
    }

    /** Replaces the name and the descriptive record; code, kind and place in the tree do not change here. */
    @PutMapping("/{id}")
    ResponseEntity<OrgView> update(@PathVariable @Size(max = 64) String id,
                                   @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                   @Valid @RequestBody UpdateOrgRequest request,
                                   @AuthenticationPrincipal OrgPrincipal caller) {
        long expected = IfMatch.required(ifMatch);
        amendment.update(new UpdateOrg(id, request.name(), profile(request.industryCodes(), request.coveredUnits(),
                request.ownership(), request.employeeCount(), request.foundedOn(), request.endsOn())), caller, expected);
        return view(queries.details(id, caller));
    }

    /** Places the unit and everything under it under another parent in the caller's subtree. */
    @PostMapping("/{id}/move")
    ResponseEntity<OrgView> move(@PathVariable @Size(max = 64) String id,
                                 @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                 @Valid @RequestBody MoveOrgRequest request,
                                 @AuthenticationPrincipal OrgPrincipal caller) {
        restructuring.move(new MoveOrg(id, request.newParentId()), caller, IfMatch.optional(ifMatch));
        return view(queries.details(id, caller));
    }

    @PostMapping("/{id}/dissolve")
    ResponseEntity<OrgView> dissolve(@PathVariable @Size(max = 64) String id,
                                     @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                     @Valid @RequestBody DissolveOrgRequest request,
                                     @AuthenticationPrincipal OrgPrincipal caller) {
        dissolution.dissolve(new DissolveOrg(id, request.reasonCode(), request.effectiveOn()), caller,
                IfMatch.optional(ifMatch));
        return view(queries.details(id, caller));
    }

    /**
     * The caller's subtree, or the subtree of {@code under} within it, ordered by path; dissolved units only with
     * {@code includeDissolved=true}.
     */
    @GetMapping
    PageView list(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                  @RequestParam(defaultValue = "20") @Min(1) @Max(OrgQueries.MAX_PAGE_SIZE) int size,
                  @RequestParam(required = false) Set<OrgType> type,
                  @RequestParam(defaultValue = "false") boolean includeDissolved,
                  @RequestParam(required = false) @Size(min = 1, max = 64) String under,
                  @AuthenticationPrincipal OrgPrincipal caller) {
        Set<OrgType> types = type == null ? Set.of()
                : type.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
        var result = queries.list(caller, under, new OrgUnits.ListFilter(types, includeDissolved), page, size);
        return new PageView(result.items().stream().map(OrgSummaryView::of).toList(), result.page(), result.size(),
                result.totalItems());
    }

    private static ResponseEntity<OrgView> view(OrgQueries.OrgDetails details) {
        return ResponseEntity.ok().eTag(IfMatch.etag(details.unit().version())).body(OrgView.of(details));
    }

    private static OrgProfile profile(List<String> industryCodes, List<CoveredUnitRequest> coveredUnits,
                                      UnitOwnership ownership, Integer employeeCount, LocalDate foundedOn,
                                      LocalDate endsOn) {
        List<CoveredUnit> units = new ArrayList<>();
        if (coveredUnits != null) {
            for (int i = 0; i < coveredUnits.size(); i++) {
                CoveredUnitRequest unit = coveredUnits.get(i);
                try {
                    units.add(new CoveredUnit(unit.name(), unit.unifiedSocialCreditCode().value()));
                } catch (OrgRuleViolation violation) {
                    throw new OrgRuleViolation(violation.field().replace("coveredUnits", "coveredUnits[" + i + "]"),
                            violation.getMessage());
                }
            }
        }
        return new OrgProfile(industryCodes, units, ownership, employeeCount, foundedOn, endsOn);
    }

    record RegisterOrgRequest(
            @NotBlank @Size(max = 64) String parentId,
            @NotBlank @Pattern(regexp = "[0-9A-Za-z-]{1,32}") String code,
            @NotBlank @Size(max = 200) String name,
            @NotNull OrgType orgType,
            @Size(max = OrgProfile.MAX_INDUSTRY_CODES) List<@NotNull @Pattern(regexp = INDUSTRY_CODE) String> industryCodes,
            @Size(max = OrgProfile.MAX_COVERED_UNITS) List<@NotNull @Valid CoveredUnitRequest> coveredUnits,
            UnitOwnership ownership,
            @Min(0) @Max(OrgProfile.MAX_EMPLOYEES) Integer employeeCount,
            LocalDate foundedOn,
            LocalDate endsOn) {
    }

    /** The whole replaceable record: a field left out is cleared (lists become empty). */
    record UpdateOrgRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = OrgProfile.MAX_INDUSTRY_CODES) List<@NotNull @Pattern(regexp = INDUSTRY_CODE) String> industryCodes,
            @Size(max = OrgProfile.MAX_COVERED_UNITS) List<@NotNull @Valid CoveredUnitRequest> coveredUnits,
            UnitOwnership ownership,
            @Min(0) @Max(OrgProfile.MAX_EMPLOYEES) Integer employeeCount,
            LocalDate foundedOn,
            LocalDate endsOn) {
    }

    record CoveredUnitRequest(
            @NotBlank @Size(max = 100) String name,
            @NotNull UnifiedSocialCreditCode unifiedSocialCreditCode) {
    }

    record MoveOrgRequest(@NotBlank @Size(max = 64) String newParentId) {
    }

    record DissolveOrgRequest(
            @NotBlank @Pattern(regexp = REASON_CODE) String reasonCode,
            @NotNull LocalDate effectiveOn) {
    }

    record OrgView(String id, String code, String name, OrgType orgType, String parentId, String path,
                   String divisionCode, List<String> industryCodes, List<CoveredUnitView> coveredUnits,
                   UnitOwnership ownership, Integer employeeCount, long memberCount, long activeUnitsBelow,
                   LocalDate foundedOn, LocalDate endsOn, String status, DissolutionView dissolution,
                   Instant registeredAt, Instant updatedAt, long version) {

        static OrgView of(OrgQueries.OrgDetails details) {
            OrgUnit unit = details.unit();
            OrgProfile profile = unit.profile();
            return new OrgView(unit.id(), unit.code(), unit.name(), unit.type(), unit.parentId(), unit.path().value(),
                    unit.divisionCode(), profile.industryCodes(),
                    profile.coveredUnits().stream().map(u -> new CoveredUnitView(u.name(), u.creditCode())).toList(),
                    profile.ownership(), profile.employeeCount(), details.memberCount(), details.activeUnitsBelow(),
                    profile.foundedOn(), profile.endsOn(), statusOf(unit),
                    unit.isDissolved() ? new DissolutionView(unit.dissolution().reasonCode(),
                            unit.dissolution().effectiveOn(), unit.dissolution().recordedAt()) : null,
                    unit.registeredAt(), unit.updatedAt(), unit.version());
        }
    }

    record CoveredUnitView(String name, String unifiedSocialCreditCode) {
    }

    record DissolutionView(String reasonCode, LocalDate effectiveOn, Instant recordedAt) {
    }

    /** A list entry: the covered units only as a count. */
    record OrgSummaryView(String id, String code, String name, OrgType orgType, String parentId, String path,
                          String divisionCode, List<String> industryCodes, int coveredUnitCount,
                          UnitOwnership ownership, Integer employeeCount, long memberCount, LocalDate foundedOn,
                          LocalDate endsOn, String status, LocalDate dissolvedOn, Instant registeredAt, long version) {

        static OrgSummaryView of(OrgQueries.OrgListItem item) {
            OrgUnit unit = item.unit();
            OrgProfile profile = unit.profile();
            return new OrgSummaryView(unit.id(), unit.code(), unit.name(), unit.type(), unit.parentId(),
                    unit.path().value(), unit.divisionCode(), profile.industryCodes(), profile.coveredUnits().size(),
                    profile.ownership(), profile.employeeCount(), item.memberCount(), profile.foundedOn(),
                    profile.endsOn(), statusOf(unit), unit.isDissolved() ? unit.dissolution().effectiveOn() : null,
                    unit.registeredAt(), unit.version());
        }
    }

    record PageView(List<OrgSummaryView> items, int page, int size, long totalItems) {
    }

    private static String statusOf(OrgUnit unit) {
        return unit.isDissolved() ? "DISSOLVED" : "ACTIVE";
    }
}
