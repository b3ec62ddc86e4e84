package cn.smartunion.membership.member.adapter.in.web;

import cn.smartunion.contracts.membership.ActorKind;
import cn.smartunion.membership.member.application.MemberTransfers;
import cn.smartunion.membership.member.application.RequestTransfer;
import cn.smartunion.membership.member.application.TransferQueries;
import cn.smartunion.membership.member.application.TransferQueries.TransferDetails;
import cn.smartunion.membership.member.adapter.in.web.MemberViews.PageView;
import cn.smartunion.membership.member.domain.Members;
import cn.smartunion.membership.member.domain.Transfer;
import cn.smartunion.membership.member.domain.TransferDeclineReason;
import cn.smartunion.membership.member.domain.TransferReason;
import cn.smartunion.membership.member.domain.TransferStatus;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Member transfers (转会/接转). Origin staff request one for a member of their subtree, a member for themself; staff
 * of the destination subtree list incoming transfers and accept or decline them while they are pending; the
 * requester withdraws. Destination staff see a masked view of the person through the transfer only, never the
 * member record, until it ends.
 */
@RestController
@Validated
class TransferController {

    static final String TRANSFERS = "/api/membership/v1/transfers";

    private final MemberTransfers transfers;
    private final TransferQueries queries;

    TransferController(MemberTransfers transfers, TransferQueries queries) {
        this.transfers = transfers;
        this.queries = queries;
    }

    @PostMapping("/api/membership/v1/members/{id}/transfers")
    ResponseEntity<TransferView> request(@PathVariable @Size(max = 64) String id,
                                         @Valid @RequestBody TransferRequest request,
                                         @AuthenticationPrincipal OrgPrincipal caller) {
        var requested = transfers.request(id, new RequestTransfer(request.toOrgId(), request.reasonCode()), caller);
        return created(queries.afterChange(requested, caller));
    }

    /** The member's own request, for the member app (role {@code member}, account linked to the record). */
    @PostMapping("/api/membership/v1/me/transfers")
    ResponseEntity<TransferView> requestMine(@Valid @RequestBody TransferRequest request,
                                             @AuthenticationPrincipal OrgPrincipal caller) {
        var requested = transfers.requestMine(new RequestTransfer(request.toOrgId(), request.reasonCode()), caller);
        return created(queries.afterChange(requested, null));
    }

    @GetMapping("/api/membership/v1/me/transfers")
    List<TransferView> mine(@AuthenticationPrincipal OrgPrincipal caller) {
        return queries.mine(caller).stream().map(TransferView::of).toList();
    }

    @GetMapping(TRANSFERS)
    PageView<TransferView> list(@RequestParam @Pattern(regexp = "incoming|outgoing") String direction,
                                @RequestParam(required = false) TransferStatus status,
                                @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(TransferQueries.MAX_PAGE_SIZE)
                                int size,
                                @AuthenticationPrincipal OrgPrincipal caller) {
        var direct = "incoming".equals(direction) ? Members.TransferDirection.INCOMING
                : Members.TransferDirection.OUTGOING;
        var found = queries.list(caller, direct, status, page, size);
        return new PageView<>(found.items().stream().map(TransferView::of).toList(), found.page(), found.size(),
                found.totalItems());
    }

    @GetMapping(TRANSFERS + "/{transferId}")
    TransferView get(@PathVariable @Size(max = 64) String transferId, @AuthenticationPrincipal OrgPrincipal caller) {
        return TransferView.of(queries.get(transferId, caller));
    }

    @PostMapping(TRANSFERS + "/{transferId}/accept")
    TransferView accept(@PathVariable @Size(max = 64) String transferId,
                        @Valid @RequestBody(required = false) AcceptRequest request,
                        @AuthenticationPrincipal OrgPrincipal caller) {
        var accepted = transfers.accept(transferId, request == null ? null : request.effectiveOn(), caller);
        return TransferView.of(queries.afterChange(accepted, caller));
    }

    @PostMapping(TRANSFERS + "/{transferId}/decline")
    TransferView decline(@PathVariable @Size(max = 64) String transferId, @Valid @RequestBody DeclineRequest request,
                         @AuthenticationPrincipal OrgPrincipal caller) {
        var declined = transfers.decline(transferId, request.reasonCode(), caller);
        return TransferView.of(queries.afterChange(declined, caller));
    }

    @PostMapping(TRANSFERS + "/{transferId}/withdraw")
    TransferView withdraw(@PathVariable @Size(max = 64) String transferId,
                          @AuthenticationPrincipal OrgPrincipal caller) {
        var withdrawn = transfers.withdraw(transferId, caller);
        boolean byMember = withdrawn.transfer().closedBy().kind() == ActorKind.MEMBER;
        return TransferView.of(queries.afterChange(withdrawn, byMember ? null : caller));
    }

    private static ResponseEntity<TransferView> created(TransferDetails details) {
        return ResponseEntity.created(URI.create(TRANSFERS + "/" + details.transferId()))
                .body(TransferView.of(details));
    }

    record TransferRequest(@NotBlank @Size(max = 64) String toOrgId, @NotNull TransferReason reasonCode) {
    }

    record AcceptRequest(LocalDate effectiveOn) {
    }

    record DeclineRequest(@NotNull TransferDeclineReason reasonCode) {
    }

    /** The person as a deciding union sees them: masked only. */
    record PersonView(String legalName, String citizenIdNumber) {
    }

    /**
     * A transfer. {@code memberId} is absent when read through the destination's grant.
     *
     * @param reasonCode        why the transfer was requested
     * @param declineReasonCode why the destination declined, for a DECLINED transfer
     * @param effectiveOn       when the membership moved (ACCEPTED) or the transfer ended (otherwise)
     */
    record TransferView(String transferId, String memberId, TransferStatus status, PersonView person,
                        OrgView fromOrg, OrgView toOrg, boolean crossProvince, TransferReason reasonCode,
                        ActorKind requestedBy, Instant requestedAt, Instant expiresAt, Instant closedAt,
                        TransferDeclineReason declineReasonCode, LocalDate effectiveOn) {

        static TransferView of(TransferDetails d) {
            Transfer t = d.transfer();
            return new TransferView(t.id(), d.memberId(), t.status(),
                    new PersonView(d.maskedLegalName(), d.maskedCitizenIdNumber()),
                    OrgView.of(t.from(), d.fromOrgName()),
                    OrgView.of(t.to(), d.toOrgName()), t.crossProvince(), t.reason(),
                    t.requestedBy().kind(), t.requestedAt(), t.expiresAt(), t.closedAt(), t.declineReason(),
                    t.effectiveOn());
        }
    }
}
