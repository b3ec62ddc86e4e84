package cn.smartunion.rights.workorder.adapter.in.web;

import cn.smartunion.contracts.rights.Complexity;
import cn.smartunion.contracts.rights.IntakeChannel;
import cn.smartunion.contracts.rights.OrderCategory;
import cn.smartunion.contracts.rights.OrderOutcome;
import cn.smartunion.rights.web.PageView;
import cn.smartunion.rights.workorder.application.ReceiveWorkOrder;
import cn.smartunion.rights.workorder.application.WorkOrderDesk;
import cn.smartunion.rights.workorder.application.WorkOrderQueries;
import cn.smartunion.rights.workorder.domain.Grant;
import cn.smartunion.rights.workorder.domain.WorkOrder;
import cn.smartunion.rights.workorder.domain.WorkOrderStatus;
import cn.smartunion.rights.workorder.domain.WorkOrders;
import cn.smartunion.runtime.scope.OrgPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.time.Instant;
import java.util.List;

/**
 * 12351 work orders: received at the centre, dispatched down the tree (explicit grant), accepted, resolved, rated
 * and closed. Caller contact details are shown masked; the summary and notes only on GET by id, to agents.
 */
@RestController
@Validated
@RequestMapping("/api/rights/v1/work-orders")
class WorkOrderController {

    private static final long MAX_FEN = 10_000_000_000L;

    private final WorkOrderDesk desk;
    private final WorkOrderQueries queries;

    WorkOrderController(WorkOrderDesk desk, WorkOrderQueries queries) {
        this.desk = desk;
        this.queries = queries;
    }

    @PostMapping
    ResponseEntity<OrderView> receive(@Valid @RequestBody ReceiveRequest request,
                                      @AuthenticationPrincipal OrgPrincipal caller) {
        WorkOrder order = desk.receive(new ReceiveWorkOrder(request.orgId(), request.channel(), request.category(),
                request.complexity(), blankToNull(request.callerPhone()), blankToNull(request.callerName()),
                request.summary(), request.receivedAt()), caller);
        return ResponseEntity.created(URI.create("/api/rights/v1/work-orders/" + order.id()))
                .body(OrderView.of(queries.get(order.id(), caller)));
    }

    @GetMapping("/{id}")
    OrderView get(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        return OrderView.of(queries.get(id, caller));
    }

    @GetMapping
    PageView<OrderView> list(@RequestParam(required = false) WorkOrderStatus status,
                             @RequestParam(required = false) OrderCategory category,
                             @RequestParam(required = false) Complexity complexity,
                             @RequestParam(defaultValue = "false") boolean overdue,
                             @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                             @RequestParam(defaultValue = "20") @Min(1) @Max(PageView.MAX_PAGE_SIZE) int size,
                             @AuthenticationPrincipal OrgPrincipal caller) {
        return queries.list(caller, new WorkOrders.Filter(status, category, complexity, overdue), page, size)
                .map(o -> OrderView.of(new WorkOrderQueries.Found(o, null, null)));
    }

    @PutMapping("/{id}/classification")
    OrderView classify(@PathVariable @Size(max = 64) String id, @Valid @RequestBody ClassificationRequest request,
                       @AuthenticationPrincipal OrgPrincipal caller) {
        desk.classify(id, request.category(), request.complexity(), caller);
        return OrderView.of(queries.get(id, caller));
    }

    @PostMapping("/{id}/dispatch")
    OrderView dispatch(@PathVariable @Size(max = 64) String id, @Valid @RequestBody DispatchRequest request,
                       @AuthenticationPrincipal OrgPrincipal caller) {
        desk.dispatch(id, request.toOrgId(), caller);
        return OrderView.of(queries.get(id, caller));
    }

    @PostMapping("/{id}/accept")
    OrderView accept(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        desk.accept(id, caller);
        return OrderView.of(queries.get(id, caller));
    }

    @PostMapping("/{id}/notes")
    OrderView note(@PathVariable @Size(max = 64) String id, @Valid @RequestBody NoteRequest request,
                   @AuthenticationPrincipal OrgPrincipal caller) {
        desk.addNote(id, request.text(), caller);
        return OrderView.of(queries.get(id, caller));
    }

    @PostMapping("/{id}/resolve")
    OrderView resolve(@PathVariable @Size(max = 64) String id, @Valid @RequestBody ResolveRequest request,
                      @AuthenticationPrincipal OrgPrincipal caller) {
        desk.resolve(id, request.outcome(), request.amountRecoveredFen(), caller);
        return OrderView.of(queries.get(id, caller));
    }

    @PostMapping("/{id}/rating")
    OrderView rate(@PathVariable @Size(max = 64) String id, @Valid @RequestBody RatingRequest request,
                   @AuthenticationPrincipal OrgPrincipal caller) {
        desk.rate(id, request.rating(), caller);
        return OrderView.of(queries.get(id, caller));
    }

    @PostMapping("/{id}/close")
    OrderView close(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        desk.close(id, caller);
        return OrderView.of(queries.get(id, caller));
    }

    @PostMapping("/{id}/escalate")
    OrderView escalate(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        desk.escalate(id, caller);
        return OrderView.of(queries.get(id, caller));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    record ReceiveRequest(@NotBlank @Size(max = 64) String orgId,
                          @NotNull IntakeChannel channel,
                          @NotNull OrderCategory category,
                          @NotNull Complexity complexity,
                          @Pattern(regexp = "\\+?[0-9][0-9 -]{4,19}") String callerPhone,
                          @Size(max = 50) String callerName,
                          @NotBlank @Size(max = 2000) String summary,
                          Instant receivedAt) {

        @Override
        public String toString() {
            return "ReceiveRequest[" + orgId + ", " + channel + ", " + category + ", " + complexity + "]";
        }
    }

    record ClassificationRequest(@NotNull OrderCategory category, @NotNull Complexity complexity) {
    }

    record DispatchRequest(@NotBlank @Size(max = 64) String toOrgId) {
    }

    record NoteRequest(@NotBlank @Size(max = 2000) String text) {

        @Override
        public String toString() {
            return "NoteRequest[***]";
        }
    }

    record ResolveRequest(@NotNull OrderOutcome outcome, @PositiveOrZero @Max(MAX_FEN) long amountRecoveredFen) {
    }

    record RatingRequest(@NotNull @Min(1) @Max(5) Integer rating) {
    }

    record GrantView(String orgId, String orgPath, String grantedBy, Instant grantedAt, Instant endedAt) {
        static GrantView of(Grant g) {
            return new GrantView(g.orgId(), g.orgPath(), g.grantedBy(), g.grantedAt(), g.endedAt());
        }
    }

    record NoteView(String text, String by, String byOrgPath, Instant at) {
    }

    record ResolutionView(OrderOutcome outcome, long amountRecoveredFen, boolean withinSla, Instant resolvedAt) {
    }

    record OrderView(String id, IntakeChannel channel, OrderCategory category, Complexity complexity,
                     boolean anonymous, String callerPhone, String callerName, String summary, String orgId,
                     String orgPath, String handlingOrgId, String handlingOrgPath, WorkOrderStatus status,
                     Instant receivedAt, Instant dueAt, boolean slaBreached, boolean escalated,
                     String escalatedToOrgId, String referralId, ResolutionView resolution, Integer rating,
                     Instant closedAt, List<GrantView> grants, List<String> activeGrantPaths,
                     List<NoteView> notes) {

        static OrderView of(WorkOrderQueries.Found found) {
            WorkOrder o = found.order();
            var r = o.resolution();
            List<NoteView> notes = found.noteTexts() == null ? null : java.util.stream.IntStream
                    .range(0, o.notes().size()).mapToObj(i -> new NoteView(found.noteTexts().get(i),
                            o.notes().get(i).by(), o.notes().get(i).byOrgPath(), o.notes().get(i).at())).toList();
            return new OrderView(o.id(), o.channel(), o.category(), o.complexity(), o.caller().anonymous(),
                    o.caller().phoneMasked(), o.caller().nameMasked(), found.summary(), o.orgId(), o.orgPath(),
                    o.handlingOrgId(), o.handlingOrgPath(), o.status(), o.receivedAt(), o.dueAt(),
                    o.slaBreached(), o.escalated(), o.escalatedToOrgId(), o.referralId(),
                    r == null ? null : new ResolutionView(r.outcome(), r.amountRecoveredFen(), r.withinSla(),
                            r.resolvedAt()), o.rating(), o.closedAt(),
                    o.grants().stream().map(GrantView::of).toList(), o.activeGrantPaths(), notes);
        }
    }
}
