package cn.smartunion.rights.bargaining.adapter.in.web;

import cn.smartunion.contracts.rights.ContractType;
import cn.smartunion.rights.bargaining.application.CollectiveBargaining;
import cn.smartunion.rights.bargaining.domain.CollectiveContract;
import cn.smartunion.rights.bargaining.domain.CollectiveContracts;
import cn.smartunion.rights.bargaining.domain.ContractStatus;
import cn.smartunion.rights.web.PageView;
import cn.smartunion.runtime.scope.OrgPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
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
import java.time.LocalDate;
import java.util.List;

/**
 * Collective contracts (集体合同): rights agents issue the offer to bargain and record each step to filing and renewal;
 * readers see the contracts and the coverage of those in force within their subtree.
 */
@RestController
@Validated
@RequestMapping("/api/rights/v1/collective-contracts")
class CollectiveContractController {

    private final CollectiveBargaining bargaining;

    CollectiveContractController(CollectiveBargaining bargaining) {
        this.bargaining = bargaining;
    }

    @PostMapping
    ResponseEntity<ContractView> offer(@Valid @RequestBody OfferRequest request,
                                       @AuthenticationPrincipal OrgPrincipal caller) {
        CollectiveContract contract = bargaining.offer(new CollectiveBargaining.OfferBargaining(request.orgId(),
                request.contractType(), request.units().stream()
                .map(u -> new CollectiveBargaining.Unit(u.creditCode(), u.name())).toList(),
                request.workersCovered(), request.offerCampaign(), request.offeredOn()), caller);
        return ResponseEntity.created(URI.create("/api/rights/v1/collective-contracts/" + contract.id()))
                .body(ContractView.of(contract, false));
    }

    @PostMapping("/{id}/negotiation")
    ContractView negotiate(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        return ContractView.of(bargaining.startNegotiation(id, caller), false);
    }

    @PostMapping("/{id}/congress-approval")
    ContractView approve(@PathVariable @Size(max = 64) String id, @Valid @RequestBody CongressRequest request,
                         @AuthenticationPrincipal OrgPrincipal caller) {
        return ContractView.of(bargaining.approveByCongress(id, request.approvedOn(), request.votesFor(),
                request.votesTotal(), caller), false);
    }

    @PostMapping("/{id}/signature")
    ContractView sign(@PathVariable @Size(max = 64) String id, @Valid @RequestBody SignatureRequest request,
                      @AuthenticationPrincipal OrgPrincipal caller) {
        return ContractView.of(bargaining.sign(id, request.signedOn(), request.effectiveFrom(), request.effectiveTo(),
                caller), false);
    }

    @PostMapping("/{id}/filing")
    ContractView file(@PathVariable @Size(max = 64) String id, @Valid @RequestBody FilingRequest request,
                      @AuthenticationPrincipal OrgPrincipal caller) {
        return ContractView.of(bargaining.file(id, request.filedOn(), request.filingReference(), caller), false);
    }

    @PostMapping("/{id}/renewal")
    ContractView renew(@PathVariable @Size(max = 64) String id, @Valid @RequestBody RenewalRequest request,
                       @AuthenticationPrincipal OrgPrincipal caller) {
        return ContractView.of(bargaining.renew(id, request.renewalContractId(), caller), false);
    }

    @GetMapping("/coverage")
    CollectiveContracts.Coverage coverage(@AuthenticationPrincipal OrgPrincipal caller) {
        return bargaining.coverage(caller);
    }

    /** One contract with its units. */
    @GetMapping("/{id}")
    ContractView get(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        return ContractView.of(bargaining.get(id, caller), true);
    }

    /** Contracts without their unit lists (a regional contract may cover thousands). */
    @GetMapping
    PageView<ContractView> list(@RequestParam(required = false) ContractType contractType,
                                @RequestParam(required = false) ContractStatus status,
                                @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(PageView.MAX_PAGE_SIZE) int size,
                                @AuthenticationPrincipal OrgPrincipal caller) {
        return bargaining.list(caller, new CollectiveContracts.Filter(contractType, status), page, size)
                .map(c -> ContractView.of(c, false));
    }

    record UnitRequest(@NotBlank @Size(max = 32) String creditCode, @NotBlank @Size(max = 200) String name) {
    }

    record OfferRequest(@NotBlank @Size(max = 64) String orgId,
                        @NotNull ContractType contractType,
                        @NotEmpty @Size(max = CollectiveContract.MAX_UNITS) List<@NotNull @Valid UnitRequest> units,
                        @PositiveOrZero @Max(10_000_000) int workersCovered,
                        @Pattern(regexp = "[0-9A-Za-z][0-9A-Za-z._-]{0,63}") String offerCampaign,
                        @NotNull LocalDate offeredOn) {

        @Override
        public String toString() {
            return "OfferRequest[" + contractType + "]";
        }
    }

    record CongressRequest(@NotNull LocalDate approvedOn, @PositiveOrZero @Max(1_000_000) int votesFor,
                           @Positive @Max(1_000_000) int votesTotal) {
    }

    /** {@code effectiveTo} at most three years after {@code effectiveFrom} (a term of one to three years). */
    record SignatureRequest(@NotNull LocalDate signedOn, @NotNull LocalDate effectiveFrom,
                            @NotNull LocalDate effectiveTo) {
    }

    record FilingRequest(@NotNull LocalDate filedOn, @NotBlank @Size(max = 64) String filingReference) {
    }

    record RenewalRequest(@NotBlank @Size(max = 64) String renewalContractId) {
    }

    record UnitView(String creditCode, String name) {
    }

    record CongressView(LocalDate approvedOn, int votesFor, int votesTotal) {
    }

    record ContractView(String id, String orgId, String orgPath, ContractType contractType, List<UnitView> units,
                        int unitsCovered, int workersCovered, String offerCampaign, LocalDate offeredOn,
                        ContractStatus status, CongressView congress, LocalDate signedOn, LocalDate effectiveFrom,
                        LocalDate effectiveTo, LocalDate filedOn, String filingReference, String renewalContractId,
                        Instant createdAt) {

        static ContractView of(CollectiveContract c, boolean withUnits) {
            var congress = c.congress();
            var term = c.term();
            var filing = c.filing();
            return new ContractView(c.id(), c.orgId(), c.orgPath(), c.contractType(),
                    withUnits ? c.units().stream().map(u -> new UnitView(u.creditCode(), u.name())).toList() : null,
                    c.unitsCovered(), c.workersCovered(), c.offerCampaign(), c.offeredOn(), c.status(),
                    congress == null ? null : new CongressView(congress.approvedOn(), congress.votesFor(),
                            congress.votesTotal()),
                    term == null ? null : term.signedOn(), term == null ? null : term.effectiveFrom(),
                    term == null ? null : term.effectiveTo(), filing == null ? null : filing.filedOn(),
                    filing == null ? null : filing.filingReference(), c.renewalContractId(), c.createdAt());
        }
    }
}
