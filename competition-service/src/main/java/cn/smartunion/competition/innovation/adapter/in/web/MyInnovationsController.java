package cn.smartunion.competition.innovation.adapter.in.web;

import cn.smartunion.competition.innovation.application.InnovationSubmissions;
import cn.smartunion.competition.web.PageView;
import cn.smartunion.runtime.scope.OrgPrincipal;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in member's own innovations (role {@code member}): the submissions naming them as an author. Read-only. */
@RestController
@Validated
class MyInnovationsController {

    private final InnovationSubmissions submissions;

    MyInnovationsController(InnovationSubmissions submissions) {
        this.submissions = submissions;
    }

    @GetMapping("/api/competition/v1/me/innovations")
    PageView<InnovationController.InnovationView> mine(
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageView.MAX_PAGE_SIZE) int size,
            @AuthenticationPrincipal OrgPrincipal caller) {
        return submissions.mine(caller, page, size).map(InnovationController.InnovationView::of);
    }
}
