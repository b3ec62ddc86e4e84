package cn.smartunion.aid.campaign.adapter.in.web;

import cn.smartunion.aid.campaign.application.CampaignLifecycle;
import cn.smartunion.aid.campaign.application.CondolenceDistribution;
import cn.smartunion.aid.campaign.application.PlanCampaign;
import cn.smartunion.aid.campaign.application.RecordDelivery;
import cn.smartunion.aid.campaign.domain.Beneficiary;
import cn.smartunion.aid.campaign.domain.Campaign;
import cn.smartunion.aid.campaign.domain.CampaignStatus;
import cn.smartunion.aid.campaign.domain.CampaignTotals;
import cn.smartunion.aid.campaign.domain.Delivery;
import cn.smartunion.aid.eligibility.domain.SocialInsurance;
import cn.smartunion.aid.web.PageView;
import cn.smartunion.contracts.aid.BeneficiaryType;
import cn.smartunion.contracts.aid.DisbursementChannel;
import cn.smartunion.contracts.aid.FundingSource;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * Seasonal campaigns (aid officers plan, launch and close them and record their deliveries; aid staff and analysts
 * read them with their totals). Amounts are integers in fen (1/100 yuan).
 */
@RestController
@Validated
@RequestMapping("/api/aid/v1")
class CampaignController {

    static final long MAX_FEN = 10_000_000_000L;

    private final CampaignLifecycle lifecycle;
    private final CondolenceDistribution distribution;

    CampaignController(CampaignLifecycle lifecycle, CondolenceDistribution distribution) {
        this.lifecycle = lifecycle;
        this.distribution = distribution;
    }

    @PostMapping("/campaigns")
    ResponseEntity<CampaignView> plan(@Valid @RequestBody PlanRequest request,
                                      @AuthenticationPrincipal OrgPrincipal caller) {
        Campaign campaign = lifecycle.plan(new PlanCampaign(request.programmeCode(), request.orgId(), request.cycle(),
                request.budgetLineId(), request.title(), request.startsOn(), request.endsOn()), caller);
        return ResponseEntity.created(URI.create("/api/aid/v1/campaigns/" + campaign.id()))
                .body(CampaignView.of(campaign, CampaignTotals.NONE));
    }

    @GetMapping("/campaigns/{id}")
    CampaignView get(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        Campaign campaign = lifecycle.get(id, caller);
        return CampaignView.of(campaign, lifecycle.totals(campaign.id()));
    }

    /** Campaigns within the caller's subtree, newest first; totals on the single campaign only. */
    @GetMapping("/campaigns")
    PageView<CampaignView> list(@RequestParam(required = false) @Size(max = 32) String programmeCode,
                                @RequestParam(required = false) @Size(max = 32) String cycle,
                                @RequestParam(required = false) CampaignStatus status,
                                @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(PageView.MAX_PAGE_SIZE) int size,
                                @AuthenticationPrincipal OrgPrincipal caller) {
        return lifecycle.list(caller, programmeCode, cycle, status, page, size).map(c -> CampaignView.of(c, null));
    }

    @PostMapping("/campaigns/{id}/launch")
    CampaignView launch(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        Campaign campaign = lifecycle.launch(id, caller);
        return CampaignView.of(campaign, lifecycle.totals(campaign.id()));
    }

    @PostMapping("/campaigns/{id}/close")
    CampaignView close(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        Campaign campaign = lifecycle.close(id, caller);
        return CampaignView.of(campaign, lifecycle.totals(campaign.id()));
    }

    @PostMapping("/campaigns/{id}/deliveries")
    ResponseEntity<DeliveryView> deliver(@PathVariable @Size(max = 64) String id,
                                         @RequestHeader(name = "Idempotency-Key", required = false)
                                         @Size(max = 128) String idempotencyKey,
                                         @Valid @RequestBody DeliveryRequest request,
                                         @AuthenticationPrincipal OrgPrincipal caller) {
        BeneficiaryRequest b = request.beneficiary();
        PersonRequest person = b.person() == null ? new PersonRequest(null, null) : b.person();
        SiteRequest site = b.site() == null ? new SiteRequest(null, null) : b.site();
        Delivery delivery = distribution.deliver(id, idempotencyKey, new RecordDelivery(b.type(), b.memberId(),
                person.citizenIdNumber(), person.legalName(), b.groupTags(), b.socialInsurance(), site.name(),
                site.unitCreditCode(), b.workerCount(), request.cashFen(), request.inKindFen(),
                request.deliveredOn(), request.channel()), caller);
        return ResponseEntity.created(URI.create("/api/aid/v1/campaign-deliveries/" + delivery.id()))
                .body(DeliveryView.of(delivery));
    }

    @GetMapping("/campaigns/{id}/deliveries")
    PageView<DeliveryView> deliveries(@PathVariable @Size(max = 64) String id,
                                      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                      @RequestParam(defaultValue = "20") @Min(1) @Max(PageView.MAX_PAGE_SIZE)
                                      int size,
                                      @AuthenticationPrincipal OrgPrincipal caller) {
        return distribution.list(id, caller, page, size).map(DeliveryView::of);
    }

    @GetMapping("/campaign-deliveries/{id}")
    DeliveryView delivery(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        return DeliveryView.of(distribution.get(id, caller));
    }

    record PlanRequest(@NotBlank @Size(max = 32) String programmeCode,
                       @NotBlank @Size(max = 64) String orgId,
                       @NotBlank @Pattern(regexp = "20[0-9]{2}(-[A-Z]{1,16})?") String cycle,
                       @NotBlank @Size(max = 64) String budgetLineId,
                       @NotBlank @Size(max = 100) String title,
                       @NotNull LocalDate startsOn,
                       @NotNull LocalDate endsOn) {
    }

    record DeliveryRequest(@NotNull @Valid BeneficiaryRequest beneficiary,
                           @PositiveOrZero @Max(MAX_FEN) long cashFen,
                           @PositiveOrZero @Max(MAX_FEN) long inKindFen,
                           @NotNull LocalDate deliveredOn,
                           @NotNull DisbursementChannel channel) {
    }

    record BeneficiaryRequest(@NotNull BeneficiaryType type,
                              @Size(max = 64) String memberId,
                              @Valid PersonRequest person,
                              @Size(max = 32) Set<@Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}") String> groupTags,
                              SocialInsurance socialInsurance,
                              @Valid SiteRequest site,
                              @Min(1) @Max(100_000) Integer workerCount) {
    }

    /** A non-member worker as given; never logged or echoed. */
    record PersonRequest(@Size(max = 18) String citizenIdNumber, @Size(max = 50) String legalName) {

        @Override
        public String toString() {
            return "PersonRequest[***]";
        }
    }

    record SiteRequest(@Size(max = 100) String name, @Size(max = 18) String unitCreditCode) {
    }

    record CampaignView(String id, String programmeCode, String orgId, String orgPath, String cycle,
                        String budgetLineId, String title, LocalDate startsOn, LocalDate endsOn,
                        CampaignStatus status, long budgetFen, FundingSource fundingSource, Instant createdAt,
                        Instant launchedAt, Instant closedAt, CampaignTotals totals) {

        static CampaignView of(Campaign c, CampaignTotals totals) {
            return new CampaignView(c.id(), c.programmeCode(), c.orgId(), c.orgPath(), c.cycle(), c.budgetLineId(),
                    c.title(), c.startsOn(), c.endsOn(), c.status(), c.budgetFen(), c.fundingSource(),
                    c.createdAt(), c.launchedAt(), c.closedAt(), totals);
        }
    }

    record DeliveryView(String id, String campaignId, String programmeCode, String orgId, String orgPath,
                        String cycle, BeneficiaryType beneficiaryType, String memberId, String personId,
                        String maskedName, String maskedIdNumber, String siteId, String siteName, Integer workerCount,
                        int personTimes, long cashFen, long inKindFen, LocalDate deliveredOn,
                        DisbursementChannel channel, long paidFen, long unpaidFen, Instant recordedAt) {

        static DeliveryView of(Delivery d) {
            Beneficiary b = d.beneficiary();
            Beneficiary.Worker w = b instanceof Beneficiary.Worker worker ? worker : null;
            Beneficiary.Site s = b instanceof Beneficiary.Site site ? site : null;
            return new DeliveryView(d.id(), d.campaignId(), d.programmeCode(), d.orgId(), d.orgPath(), d.cycle(),
                    b.type(), b instanceof Beneficiary.Member m ? m.memberId() : null, w == null ? null : w.personId(),
                    w == null ? null : w.maskedName(), w == null ? null : w.maskedIdNumber(),
                    s == null ? null : s.siteId(), s == null ? null : s.name(), s == null ? null : s.workerCount(),
                    b.personTimes(), d.cashFen(), d.inKindFen(), d.deliveredOn(), d.channel(), d.paidFen(),
                    d.unpaidFen(), d.recordedAt());
        }
    }
}
