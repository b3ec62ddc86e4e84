package cn.smartunion.aid.disbursement.adapter.in.web;

import cn.smartunion.aid.disbursement.application.Disbursement;
import cn.smartunion.aid.disbursement.application.Disbursements;
import cn.smartunion.aid.web.PageView;
import cn.smartunion.contracts.aid.DisbursementSource;
import cn.smartunion.runtime.scope.OrgPrincipal;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The disbursement ledger, read-only: payments are made on the record they pay (case, application, claim). */
@RestController
@Validated
@RequestMapping("/api/aid/v1/disbursements")
class DisbursementController {

    private final Disbursements disbursements;

    DisbursementController(Disbursements disbursements) {
        this.disbursements = disbursements;
    }

    @GetMapping
    PageView<Disbursement> list(@RequestParam(required = false) DisbursementSource sourceType,
                                @RequestParam(required = false) @Size(max = 64) String sourceId,
                                @RequestParam(required = false) @Size(max = 64) String budgetLineId,
                                @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(PageView.MAX_PAGE_SIZE) int size,
                                @AuthenticationPrincipal OrgPrincipal caller) {
        return disbursements.list(caller, sourceType, sourceId, budgetLineId, page, size);
    }

    @GetMapping("/{id}")
    Disbursement get(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        return disbursements.get(id, caller);
    }
}
