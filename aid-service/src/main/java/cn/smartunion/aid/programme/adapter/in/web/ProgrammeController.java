package cn.smartunion.aid.programme.adapter.in.web;

import cn.smartunion.aid.eligibility.domain.Audience;
import cn.smartunion.aid.eligibility.domain.EligibilityRule;
import cn.smartunion.aid.eligibility.domain.SocialInsurance;
import cn.smartunion.aid.programme.application.DefineProgramme;
import cn.smartunion.aid.programme.application.ProgrammeCatalogue;
import cn.smartunion.aid.programme.domain.CycleKind;
import cn.smartunion.aid.programme.domain.Programme;
import cn.smartunion.aid.programme.domain.ProgrammeKind;
import cn.smartunion.aid.web.PageView;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.Set;

/** The programme catalogue ({@code aid-officer} defines; aid staff and analysts read). */
@RestController
@Validated
@RequestMapping("/api/aid/v1/programmes")
class ProgrammeController {

    private final ProgrammeCatalogue catalogue;

    ProgrammeController(ProgrammeCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @PostMapping
    ResponseEntity<ProgrammeView> define(@Valid @RequestBody DefineRequest request,
                                         @AuthenticationPrincipal OrgPrincipal caller) {
        Programme programme = catalogue.define(new DefineProgramme(request.code(), request.name(), request.kind(),
                request.ownerOrgId(), request.eligibility().toRule(), request.cycleKind(),
                request.oncePerCycle() == null || request.oncePerCycle()), caller);
        return ResponseEntity.created(URI.create("/api/aid/v1/programmes/" + programme.code()))
                .body(ProgrammeView.of(programme));
    }

    @GetMapping("/{code}")
    ProgrammeView get(@PathVariable @Size(max = 32) String code, @AuthenticationPrincipal OrgPrincipal caller) {
        return ProgrammeView.of(catalogue.get(code, caller));
    }

    @GetMapping
    PageView<ProgrammeView> list(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                 @RequestParam(defaultValue = "20") @Min(1) @Max(PageView.MAX_PAGE_SIZE) int size,
                                 @RequestParam(required = false) ProgrammeKind kind,
                                 @AuthenticationPrincipal OrgPrincipal caller) {
        return catalogue.list(caller, kind, page, size).map(ProgrammeView::of);
    }

    record EligibilityRequest(@NotNull Audience audience, Boolean includeRetained,
                              @Size(max = 32) Set<@Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}") String> groupTags,
                              @Size(max = 3) Set<@NotNull SocialInsurance> socialInsurance,
                              Boolean modelWorkersOnly) {

        EligibilityRule toRule() {
            return new EligibilityRule(audience, includeRetained == null || includeRetained, groupTags,
                    socialInsurance, Boolean.TRUE.equals(modelWorkersOnly));
        }
    }

    record DefineRequest(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_-]{1,31}") String code,
                         @NotBlank @Size(max = 100) String name,
                         @NotNull ProgrammeKind kind,
                         @NotBlank @Size(max = 64) String ownerOrgId,
                         @NotNull @Valid EligibilityRequest eligibility,
                         @NotNull CycleKind cycleKind,
                         Boolean oncePerCycle) {
    }

    record ProgrammeView(String code, String name, ProgrammeKind kind, String ownerOrgId, String ownerOrgPath,
                         EligibilityRule eligibility, CycleKind cycleKind, boolean oncePerCycle, Instant createdAt) {

        static ProgrammeView of(Programme p) {
            return new ProgrammeView(p.code(), p.name(), p.kind(), p.ownerOrgId(), p.ownerOrgPath(), p.eligibility(),
                    p.cycleKind(), p.oncePerCycle(), p.createdAt());
        }
    }
}
