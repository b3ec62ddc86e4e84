package cn.smartunion.aid.budget.adapter.in.web;

import cn.smartunion.aid.budget.application.Budgets;
import cn.smartunion.aid.budget.application.LineReconciliation;
import cn.smartunion.aid.budget.application.OpenBudgetLine;
import cn.smartunion.aid.budget.domain.BudgetLine;
import cn.smartunion.aid.web.PageView;
import cn.smartunion.contracts.aid.FundingSource;
import cn.smartunion.runtime.scope.OrgPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
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

/**
 * Budget lines (aid officers open and top them up) and the reconciliation view of budget, committed, paid and the
 * ledger (aid staff and analysts). Amounts are integers in fen (1/100 yuan).
 */
@RestController
@Validated
@RequestMapping("/api/aid/v1")
class BudgetLineController {

    /** 100 million yuan: far above any single line, low enough that sums never overflow. */
    static final long MAX_FEN = 10_000_000_000L;

    private final Budgets budgets;

    BudgetLineController(Budgets budgets) {
        this.budgets = budgets;
    }

    @PostMapping("/budget-lines")
    ResponseEntity<BudgetLineView> open(@Valid @RequestBody OpenRequest request,
                                        @AuthenticationPrincipal OrgPrincipal caller) {
        BudgetLine line = budgets.open(new OpenBudgetLine(request.programmeCode(), request.orgId(), request.cycle(),
                request.fundingSource(), request.title(), request.allocatedFen()), caller);
        return ResponseEntity.created(URI.create("/api/aid/v1/budget-lines/" + line.id())).body(BudgetLineView.of(line));
    }

    @GetMapping("/budget-lines/{id}")
    BudgetLineView get(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        return BudgetLineView.of(budgets.get(id, caller));
    }

    /** Adds money; the {@code allocationId} makes a retried top-up count once. */
    @PostMapping("/budget-lines/{id}/allocations")
    BudgetLineView allocate(@PathVariable @Size(max = 64) String id, @Valid @RequestBody AllocateRequest request,
                            @AuthenticationPrincipal OrgPrincipal caller) {
        return BudgetLineView.of(budgets.allocate(id, request.allocationId(), request.amountFen(), caller));
    }

    @GetMapping("/reconciliation")
    PageView<ReconciliationRow> reconciliation(@RequestParam(required = false) @Size(max = 32) String programmeCode,
                                               @RequestParam(required = false) @Size(max = 32) String cycle,
                                               @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                               @RequestParam(defaultValue = "20") @Min(1)
                                               @Max(PageView.MAX_PAGE_SIZE) int size,
                                               @AuthenticationPrincipal OrgPrincipal caller) {
        return budgets.reconcile(caller, programmeCode, cycle, page, size).map(ReconciliationRow::of);
    }

    record OpenRequest(@NotBlank @Size(max = 32) String programmeCode,
                       @NotBlank @Size(max = 64) String orgId,
                       @NotBlank @Pattern(regexp = "20[0-9]{2}(-[A-Z]{1,16})?") String cycle,
                       @NotNull FundingSource fundingSource,
                       @Size(max = 100) String title,
                       @Positive @Max(MAX_FEN) long allocatedFen) {
    }

    record AllocateRequest(@NotBlank @Size(max = 64) String allocationId, @Positive @Max(MAX_FEN) long amountFen) {
    }

    record BudgetLineView(String id, String programmeCode, String orgId, String orgPath, String cycle,
                          FundingSource fundingSource, String title, long allocatedFen, long committedFen,
                          long paidFen, long availableFen, Instant createdAt) {

        static BudgetLineView of(BudgetLine l) {
            return new BudgetLineView(l.id(), l.programmeCode(), l.orgId(), l.orgPath(), l.cycle(), l.fundingSource(),
                    l.title(), l.allocatedFen(), l.committedFen(), l.paidFen(), l.availableFen(), l.createdAt());
        }
    }

    record ReconciliationRow(BudgetLineView line, long ledgerPaidFen, boolean balanced) {

        static ReconciliationRow of(LineReconciliation r) {
            return new ReconciliationRow(BudgetLineView.of(r.line()), r.ledgerPaidFen(), r.balanced());
        }
    }
}
