package cn.smartunion.competition.honour.adapter.in.web;

import cn.smartunion.competition.honour.application.HonourNominating;
import cn.smartunion.competition.honour.application.SelectionRounds;
import cn.smartunion.competition.honour.domain.Nomination;
import cn.smartunion.competition.honour.domain.NominationStatus;
import cn.smartunion.competition.honour.domain.Nominations;
import cn.smartunion.competition.honour.domain.Selection;
import cn.smartunion.competition.honour.domain.SelectionStatus;
import cn.smartunion.competition.web.PageView;
import cn.smartunion.contracts.competition.HonourLevel;
import cn.smartunion.contracts.competition.HonourType;
import cn.smartunion.contracts.competition.RecipientType;
import cn.smartunion.runtime.scope.OrgPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
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
import java.time.LocalDate;
import java.util.List;

/**
 * Honour selections (评选) and their nominations (推荐). Opening a selection is idempotent by its natural key (one per
 * union, honour type and cycle: a repeat is 409); nominating by (selection, recipient) (a repeat is 409); decisions,
 * withdrawals and the conferral are conditional on the current status (a repeated conferral answers the first one's
 * result). Clients may add an {@code Idempotency-Key} to any of them.
 */
@RestController
@Validated
@RequestMapping("/api/competition/v1/honours")
class HonourSelectionController {

    private final SelectionRounds rounds;
    private final HonourNominating nominating;

    HonourSelectionController(SelectionRounds rounds, HonourNominating nominating) {
        this.rounds = rounds;
        this.nominating = nominating;
    }

    /** Organisers or union admins of the conferring union. */
    @PostMapping("/selections")
    ResponseEntity<SelectionView> open(@Valid @RequestBody OpenRequest request,
                                       @AuthenticationPrincipal OrgPrincipal caller) {
        Selection selection = rounds.open(new SelectionRounds.OpenSelection(request.orgId(), request.type(),
                request.level(), request.cycle(), request.nominationOpens(), request.nominationCloses(),
                request.quotaPerUnion(), request.minFrontlineShare()), caller);
        return ResponseEntity.created(URI.create("/api/competition/v1/honours/selections/" + selection.id()))
                .body(SelectionView.of(selection));
    }

    /** Staff readers: selections of their union, of unions above it and below it. */
    @GetMapping("/selections")
    PageView<SelectionView> selections(@RequestParam(required = false) HonourType type,
                                       @RequestParam(required = false) @Size(max = 9) String cycle,
                                       @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                       @RequestParam(defaultValue = "20") @Min(1) @Max(PageView.MAX_PAGE_SIZE) int size,
                                       @AuthenticationPrincipal OrgPrincipal caller) {
        return rounds.list(caller, type, cycle, page, size).map(SelectionView::of);
    }

    @GetMapping("/selections/{id}")
    SelectionView selection(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        return SelectionView.of(rounds.get(id, caller));
    }

    /** The conferring union (or above) confers all approved nominations on the conference date. */
    @PostMapping("/selections/{id}/conferral")
    SelectionRounds.Conferral confer(@PathVariable @Size(max = 64) String id,
                                     @Valid @RequestBody ConferralRequest request,
                                     @AuthenticationPrincipal OrgPrincipal caller) {
        return rounds.confer(id, request.conferredOn(), caller);
    }

    /** Organisers or union admins of a union in the selection's subtree, within the window and its quota. */
    @PostMapping("/selections/{id}/nominations")
    ResponseEntity<NominationView> nominate(@PathVariable @Size(max = 64) String id,
                                            @Valid @RequestBody NominateRequest request,
                                            @AuthenticationPrincipal OrgPrincipal caller) {
        Nomination nomination = nominating.nominate(id, new HonourNominating.Nominate(request.orgId(),
                request.memberId(), request.person() == null ? null : new HonourNominating.PersonRef(
                        request.person().citizenIdNumber(), request.person().legalName()),
                request.team() == null ? null : new HonourNominating.TeamRef(request.team().name(),
                        request.team().unitCreditCode(), request.team().memberIds()),
                request.unit() == null ? null : new HonourNominating.UnitRef(request.unit().creditCode(),
                        request.unit().name()),
                Boolean.TRUE.equals(request.frontline()), request.groupTags(), request.citation()), caller);
        return ResponseEntity.created(URI.create("/api/competition/v1/honours/nominations/" + nomination.id()))
                .body(NominationView.of(nominating.get(nomination.id(), caller)));
    }

    @GetMapping("/nominations")
    PageView<NominationView> nominations(@RequestParam(required = false) @Size(max = 64) String selectionId,
                                         @RequestParam(required = false) NominationStatus status,
                                         @RequestParam(required = false) RecipientType recipientType,
                                         @RequestParam(required = false) @Size(max = 64) String orgId,
                                         @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                         @RequestParam(defaultValue = "20") @Min(1) @Max(PageView.MAX_PAGE_SIZE)
                                         int size,
                                         @AuthenticationPrincipal OrgPrincipal caller) {
        return nominating.list(caller, new Nominations.Filter(selectionId, status, recipientType, orgId), page, size)
                .map(NominationView::of);
    }

    @GetMapping("/nominations/{id}")
    NominationView nomination(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        return NominationView.of(nominating.get(id, caller));
    }

    /** The conferring union's staff (or above), never the nominator: approve, or reject with a reason. */
    @PostMapping("/nominations/{id}/decision")
    NominationView decide(@PathVariable @Size(max = 64) String id, @Valid @RequestBody DecisionRequest request,
                          @AuthenticationPrincipal OrgPrincipal caller) {
        nominating.decide(id, request.decision() == Decision.APPROVE, request.reason(), caller);
        return NominationView.of(nominating.get(id, caller));
    }

    /** The nominating union's staff (or above), while pending. */
    @PostMapping("/nominations/{id}/withdrawal")
    NominationView withdraw(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        nominating.withdraw(id, caller);
        return NominationView.of(nominating.get(id, caller));
    }

    enum Decision { APPROVE, REJECT }

    record OpenRequest(@NotBlank @Size(max = 64) String orgId, @NotNull HonourType type, @NotNull HonourLevel level,
                       @NotBlank @Size(max = 9) String cycle, @NotNull LocalDate nominationOpens,
                       @NotNull LocalDate nominationCloses, @Min(1) @Max(100_000) Integer quotaPerUnion,
                       @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double minFrontlineShare) {
    }

    record ConferralRequest(@NotNull LocalDate conferredOn) {
    }

    record PersonRequest(@NotBlank @Size(max = 18) String citizenIdNumber, @NotBlank @Size(max = 50) String legalName) {

        @Override
        public String toString() {
            return "PersonRequest[***]";
        }
    }

    record TeamRequest(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 18) String unitCreditCode,
                       @Size(max = 200) List<@NotBlank @Size(max = 64) String> memberIds) {
    }

    record UnitRequest(@NotBlank @Size(max = 18) String creditCode, @NotBlank @Size(max = 200) String name) {
    }

    record NominateRequest(@NotBlank @Size(max = 64) String orgId, @Size(max = 64) String memberId,
                           @Valid PersonRequest person, @Valid TeamRequest team, @Valid UnitRequest unit,
                           Boolean frontline,
                           @Size(max = 32) List<@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}") String> groupTags,
                           @Size(max = 2000) String citation) {

        @Override
        public String toString() {
            return "NominateRequest[" + orgId + "]";
        }
    }

    record DecisionRequest(@NotNull Decision decision, @Size(max = 500) String reason) {
    }

    record SelectionView(String id, String orgId, String orgPath, HonourType type, HonourLevel level,
                         RecipientType recipientType, String cycle, LocalDate nominationOpens,
                         LocalDate nominationCloses, Integer quotaPerUnion, Double minFrontlineShare,
                         SelectionStatus status, LocalDate conferredOn, Instant openedAt) {

        static SelectionView of(Selection s) {
            return new SelectionView(s.id(), s.orgId(), s.orgPath(), s.type(), s.level(), s.recipientType(), s.cycle(),
                    s.nominationOpens(), s.nominationCloses(), s.quotaPerUnion(), s.minFrontlineShare(), s.status(),
                    s.conferredOn(), s.openedAt());
        }
    }

    record DecisionView(NominationStatus outcome, String reason, Instant decidedAt) {
    }

    record NominationView(String id, String selectionId, HonourType type, HonourLevel level, String cycle,
                          String orgId, String orgPath, String conferringOrgPath, RecipientView recipient,
                          boolean frontline, List<String> groupTags, String citation, NominationStatus status,
                          DecisionView decision, Instant nominatedAt) {

        static NominationView of(HonourNominating.Found found) {
            Nomination n = found.nomination();
            Nomination.Decision d = n.decision();
            return new NominationView(n.id(), n.selectionId(), n.type(), n.level(), n.cycle(), n.orgId(),
                    n.orgPath(), n.conferringOrgPath(), RecipientView.of(n.recipient(), found.person()),
                    n.frontline(), n.groupTags(), found.citation(), n.status(),
                    d == null ? null : new DecisionView(d.outcome(), d.reason(), d.decidedAt()), n.nominatedAt());
        }
    }
}
