package cn.smartunion.aid.casefile.adapter.in.web;

import cn.smartunion.aid.casefile.adapter.in.web.CaseViews.CaseListItem;
import cn.smartunion.aid.casefile.adapter.in.web.CaseViews.CaseView;
import cn.smartunion.aid.casefile.application.FileCase;
import cn.smartunion.aid.casefile.application.HardshipCaseFiles;
import cn.smartunion.aid.casefile.application.IdentifyHousehold;
import cn.smartunion.aid.casefile.application.NamedPerson;
import cn.smartunion.aid.casefile.application.PayCase;
import cn.smartunion.aid.casefile.domain.CaseStatus;
import cn.smartunion.aid.casefile.domain.HardshipCase;
import cn.smartunion.aid.casefile.domain.PlannedMeasure;
import cn.smartunion.aid.casefile.domain.RelapseRisk;
import cn.smartunion.aid.casefile.domain.Relation;
import cn.smartunion.aid.disbursement.application.Disbursement;
import cn.smartunion.aid.web.PageView;
import cn.smartunion.contracts.aid.AidMeasure;
import cn.smartunion.contracts.aid.CaseClosure;
import cn.smartunion.contracts.aid.DisbursementChannel;
import cn.smartunion.contracts.aid.HardshipCategory;
import cn.smartunion.contracts.aid.HardshipCause;
import cn.smartunion.contracts.aid.IdentificationChannel;
import cn.smartunion.contracts.aid.ReopeningReason;
import cn.smartunion.runtime.scope.OrgPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/**
 * Hardship case files (困难职工建档): aid officers identify, file, plan measures, pay and follow households up; aid
 * approvers approve (never a case they filed; amounts above their union's level go up the tree); analysts read. A
 * case outside the caller's subtree is not found. Personal data is only ever answered masked.
 */
@RestController
@Validated
@RequestMapping("/api/aid/v1/hardship-cases")
class HardshipCaseController {

    static final long MAX_FEN = 10_000_000_000L;

    private final HardshipCaseFiles files;

    HardshipCaseController(HardshipCaseFiles files) {
        this.files = files;
    }

    @PostMapping
    ResponseEntity<CaseView> identify(@Valid @RequestBody IdentifyRequest request,
                                      @AuthenticationPrincipal OrgPrincipal caller) {
        HardshipCase created = files.identify(new IdentifyHousehold(request.orgId(), request.programmeCode(),
                request.cycle(), request.identifiedBy(), request.head().named(), request.memberId()), caller);
        return ResponseEntity.created(URI.create("/api/aid/v1/hardship-cases/" + created.id()))
                .body(view(created.id(), caller));
    }

    @GetMapping("/{id}")
    CaseView get(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        return view(id, caller);
    }

    @GetMapping
    PageView<CaseListItem> list(@RequestParam(required = false) CaseStatus status,
                                @RequestParam(required = false) HardshipCategory category,
                                @RequestParam(required = false) @Size(max = 64) String orgId,
                                @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(PageView.MAX_PAGE_SIZE) int size,
                                @AuthenticationPrincipal OrgPrincipal caller) {
        return files.list(caller, status, category, orgId, page, size).map(CaseListItem::of);
    }

    @PostMapping("/{id}/filing")
    CaseView file(@PathVariable @Size(max = 64) String id, @Valid @RequestBody FilingRequest request,
                  @AuthenticationPrincipal OrgPrincipal caller) {
        List<FileCase.Member> members = request.householdMembers() == null ? List.of()
                : request.householdMembers().stream().map(m -> new FileCase.Member(
                new NamedPerson(m.citizenIdNumber(), m.legalName()), m.relation())).toList();
        files.file(id, new FileCase(request.category(), request.causes(), members, request.monthlyIncomeFen()),
                caller);
        return view(id, caller);
    }

    @PostMapping("/{id}/review")
    CaseView review(@PathVariable @Size(max = 64) String id, @Valid @RequestBody ReviewRequest request,
                    @AuthenticationPrincipal OrgPrincipal caller) {
        files.review(id, request.eligible(), request.reasonCode(), caller);
        return view(id, caller);
    }

    @PutMapping("/{id}/measures")
    CaseView measures(@PathVariable @Size(max = 64) String id,
                      @RequestBody @NotNull @Size(min = 1, max = 5) List<@Valid @NotNull MeasureRequest> request,
                      @AuthenticationPrincipal OrgPrincipal caller) {
        files.planMeasures(id, request.stream().map(m -> new PlannedMeasure(m.measure(), m.plannedFen())).toList(),
                caller);
        return view(id, caller);
    }

    @PostMapping("/{id}/approval")
    CaseView approve(@PathVariable @Size(max = 64) String id, @Valid @RequestBody ApprovalRequest request,
                     @AuthenticationPrincipal OrgPrincipal caller) {
        files.approve(id, request.budgetLineId(), caller);
        return view(id, caller);
    }

    @PostMapping("/{id}/disbursements")
    ResponseEntity<Disbursement> disburse(@PathVariable @Size(max = 64) String id,
                                          @Valid @RequestBody DisbursementRequest request,
                                          @AuthenticationPrincipal OrgPrincipal caller) {
        Disbursement paid = files.disburse(id, new PayCase(request.idempotencyKey(), request.measure(),
                request.amountFen(), request.channel(), request.disbursedOn(), request.bankCardNumber()), caller);
        return ResponseEntity.created(URI.create("/api/aid/v1/disbursements/" + paid.id())).body(paid);
    }

    @PostMapping("/{id}/monitoring-visits")
    CaseView visit(@PathVariable @Size(max = 64) String id, @Valid @RequestBody VisitRequest request,
                   @AuthenticationPrincipal OrgPrincipal caller) {
        files.recordVisit(id, request.visitedOn(), request.relapseRisk(), caller);
        return view(id, caller);
    }

    @PostMapping("/{id}/relief")
    CaseView relieve(@PathVariable @Size(max = 64) String id, @Valid @RequestBody ReliefRequest request,
                     @AuthenticationPrincipal OrgPrincipal caller) {
        files.relieve(id, request.relievedOn(), caller);
        return view(id, caller);
    }

    @PostMapping("/{id}/consolidation")
    CaseView consolidate(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        files.consolidate(id, caller);
        return view(id, caller);
    }

    @PostMapping("/{id}/closure")
    CaseView close(@PathVariable @Size(max = 64) String id, @Valid @RequestBody ClosureRequest request,
                   @AuthenticationPrincipal OrgPrincipal caller) {
        files.close(id, request.outcome(), caller);
        return view(id, caller);
    }

    @PostMapping("/{id}/reopening")
    CaseView reopen(@PathVariable @Size(max = 64) String id, @Valid @RequestBody ReopeningRequest request,
                    @AuthenticationPrincipal OrgPrincipal caller) {
        files.reopen(id, request.reasonCode(), caller);
        return view(id, caller);
    }

    private CaseView view(String id, OrgPrincipal caller) {
        return CaseView.of(files.get(id, caller));
    }

    record PersonRequest(@NotBlank @Size(max = 32) String citizenIdNumber, @NotBlank @Size(max = 50) String legalName) {

        NamedPerson named() {
            return new NamedPerson(citizenIdNumber, legalName);
        }

        @Override
        public String toString() {
            return "PersonRequest[***]";
        }
    }

    record IdentifyRequest(@NotBlank @Size(max = 64) String orgId,
                           @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_-]{1,31}") String programmeCode,
                           @NotBlank @Size(max = 16) String cycle,
                           @NotNull IdentificationChannel identifiedBy,
                           @NotNull @Valid PersonRequest head,
                           @Size(min = 1, max = 64) String memberId) {
    }

    record MemberRequest(@NotBlank @Size(max = 32) String citizenIdNumber, @NotBlank @Size(max = 50) String legalName,
                         @NotNull Relation relation) {

        @Override
        public String toString() {
            return "MemberRequest[" + relation + "]";
        }
    }

    record FilingRequest(@NotNull HardshipCategory category,
                         @NotNull @Size(min = 1, max = 8) List<@NotNull HardshipCause> causes,
                         @Size(max = 29) List<@Valid @NotNull MemberRequest> householdMembers,
                         @PositiveOrZero @Max(MAX_FEN) Long monthlyIncomeFen) {
    }

    record ReviewRequest(@NotNull Boolean eligible, @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}") String reasonCode) {
    }

    record MeasureRequest(@NotNull AidMeasure measure, @Positive @Max(MAX_FEN) long plannedFen) {
    }

    record ApprovalRequest(@NotBlank @Size(max = 64) String budgetLineId) {
    }

    record DisbursementRequest(@NotBlank @Size(max = 64) String idempotencyKey, @NotNull AidMeasure measure,
                               @Positive @Max(MAX_FEN) long amountFen, @NotNull DisbursementChannel channel,
                               @NotNull LocalDate disbursedOn, @Size(max = 32) String bankCardNumber) {

        @Override
        public String toString() {
            return "DisbursementRequest[" + measure + ", " + amountFen + " fen]";
        }
    }

    record VisitRequest(@NotNull LocalDate visitedOn, @NotNull RelapseRisk relapseRisk) {
    }

    record ReliefRequest(@NotNull LocalDate relievedOn) {
    }

    record ClosureRequest(@NotNull CaseClosure outcome) {
    }

    record ReopeningRequest(@NotNull ReopeningReason reasonCode) {
    }
}
