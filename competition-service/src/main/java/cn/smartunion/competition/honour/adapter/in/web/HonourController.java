package cn.smartunion.competition.honour.adapter.in.web;

import cn.smartunion.competition.honour.application.HonourRecords;
import cn.smartunion.competition.honour.domain.Honour;
import cn.smartunion.competition.honour.domain.HonourStatus;
import cn.smartunion.competition.honour.domain.Honours;
import cn.smartunion.competition.web.PageView;
import cn.smartunion.contracts.competition.HonourLevel;
import cn.smartunion.contracts.competition.HonourType;
import cn.smartunion.contracts.competition.RevocationReason;
import cn.smartunion.runtime.scope.OrgPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/**
 * Conferred honours: staff read them in their subtree (by recipient, type, status), a member reads their own
 * ({@code /me/honours}); the conferring union revokes one (conditional on it being conferred: a repeat is 409).
 */
@RestController
@Validated
class HonourController {

    private final HonourRecords records;

    HonourController(HonourRecords records) {
        this.records = records;
    }

    @GetMapping("/api/competition/v1/honours")
    PageView<HonourView> list(@RequestParam(required = false) @Size(max = 64) String memberId,
                              @RequestParam(required = false) @Size(max = 64) String personId,
                              @RequestParam(required = false) @Size(max = 64) String teamId,
                              @RequestParam(required = false) @Size(max = 18) String unitCreditCode,
                              @RequestParam(required = false) HonourType type,
                              @RequestParam(required = false) HonourStatus status,
                              @RequestParam(required = false) @Size(max = 64) String selectionId,
                              @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                              @RequestParam(defaultValue = "20") @Min(1) @Max(PageView.MAX_PAGE_SIZE) int size,
                              @AuthenticationPrincipal OrgPrincipal caller) {
        return records.list(caller, new Honours.Filter(memberId, personId, teamId, unitCreditCode, type, status,
                selectionId), page, size).map(HonourView::of);
    }

    @GetMapping("/api/competition/v1/honours/{id}")
    HonourView get(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        return HonourView.of(records.get(id, caller));
    }

    @PostMapping("/api/competition/v1/honours/{id}/revocation")
    HonourView revoke(@PathVariable @Size(max = 64) String id, @Valid @RequestBody RevocationRequest request,
                      @AuthenticationPrincipal OrgPrincipal caller) {
        return HonourView.of(records.revoke(id, request.reason(), request.revokedOn(), caller));
    }

    /** The signed-in member's honours (their account must be linked to their member record). */
    @GetMapping("/api/competition/v1/me/honours")
    PageView<HonourView> mine(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                              @RequestParam(defaultValue = "20") @Min(1) @Max(PageView.MAX_PAGE_SIZE) int size,
                              @AuthenticationPrincipal OrgPrincipal caller) {
        return records.mine(caller, page, size).map(HonourView::of);
    }

    record RevocationRequest(@NotNull RevocationReason reason, @NotNull LocalDate revokedOn) {
    }

    record RevocationView(RevocationReason reason, LocalDate revokedOn) {
    }

    record HonourView(String id, String nominationId, String selectionId, HonourType type, HonourLevel level,
                      String cycle, RecipientView recipient, boolean frontline, List<String> groupTags, String orgId,
                      String orgPath, String conferringOrgPath, LocalDate conferredOn, HonourStatus status,
                      RevocationView revocation) {

        static HonourView of(HonourRecords.Found found) {
            Honour h = found.honour();
            return new HonourView(h.id(), h.nominationId(), h.selectionId(), h.type(), h.level(), h.cycle(),
                    RecipientView.of(h.recipient(), found.person()), h.frontline(), h.groupTags(), h.orgId(),
                    h.orgPath(), h.conferringOrgPath(), h.conferredOn(), h.status(),
                    h.revocation() == null ? null : new RevocationView(h.revocation().reason(),
                            h.revocation().revokedOn()));
        }
    }
}
