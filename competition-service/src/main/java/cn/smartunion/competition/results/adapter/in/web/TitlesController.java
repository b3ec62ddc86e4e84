package cn.smartunion.competition.results.adapter.in.web;

import cn.smartunion.competition.access.CompetitionAccess;
import cn.smartunion.competition.members.domain.MemberDirectory;
import cn.smartunion.competition.results.domain.Awards;
import cn.smartunion.competition.results.domain.ConferredTitle;
import cn.smartunion.competition.web.PageView;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Titles conferred from final results: {@code GET /titles?memberId=} for staff whose subtree covers the conferring
 * union or the entry's union, {@code GET /me/titles} for the signed-in member. Read-only.
 */
@RestController
@Validated
class TitlesController {

    private final Awards awards;
    private final MemberDirectory members;

    TitlesController(Awards awards, MemberDirectory members) {
        this.awards = awards;
        this.members = members;
    }

    @GetMapping("/api/competition/v1/titles")
    PageView<ConferredTitle> titles(@RequestParam @NotBlank @Size(max = 64) String memberId,
                                    @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                    @RequestParam(defaultValue = "20") @Min(1) @Max(PageView.MAX_PAGE_SIZE) int size,
                                    @AuthenticationPrincipal OrgPrincipal caller) {
        CompetitionAccess.requireReader(caller);
        return new PageView<>(awards.titlesOf(memberId, caller.orgPath(), page, size), page, size,
                awards.countTitlesOf(memberId, caller.orgPath()));
    }

    @GetMapping("/api/competition/v1/me/titles")
    PageView<ConferredTitle> myTitles(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                      @RequestParam(defaultValue = "20") @Min(1) @Max(PageView.MAX_PAGE_SIZE) int size,
                                      @AuthenticationPrincipal OrgPrincipal caller) {
        CompetitionAccess.requireMember(caller);
        String memberId = members.findByAccount(caller.subject())
                .orElseThrow(() -> new NotFoundException("no member record is linked to this account")).memberId();
        return new PageView<>(awards.titlesOf(memberId, null, page, size), page, size,
                awards.countTitlesOf(memberId, null));
    }
}
