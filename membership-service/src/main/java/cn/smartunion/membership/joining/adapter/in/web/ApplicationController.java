package cn.smartunion.membership.joining.adapter.in.web;

import cn.smartunion.membership.joining.adapter.in.web.ApplicationViews.ApplicationListItem;
import cn.smartunion.membership.joining.adapter.in.web.ApplicationViews.ApplicationView;
import cn.smartunion.membership.joining.adapter.in.web.ApplicationViews.PageView;
import cn.smartunion.membership.joining.adapter.in.web.JoiningRequests.ApplyRequest;
import cn.smartunion.membership.joining.application.ApplicationQueries;
import cn.smartunion.membership.joining.application.ApplicationSubmission;
import cn.smartunion.membership.joining.application.JoiningOutcome;
import cn.smartunion.membership.member.adapter.in.web.PersonAlreadyAMember;
import cn.smartunion.runtime.scope.OrgPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

/**
 * A worker's own applications to join (role {@code member}; the token subject is the worker's account). Any union of
 * the province may be chosen ("想入能入"), by id or by a scanned QR join code. Everything personal is masked.
 */
@RestController
@Validated
class ApplicationController {

    static final String APPLICATIONS = "/api/membership/v1/applications";
    static final String MY_APPLICATIONS = "/api/membership/v1/me/applications";

    private final ApplicationSubmission submission;
    private final ApplicationQueries queries;

    ApplicationController(ApplicationSubmission submission, ApplicationQueries queries) {
        this.submission = submission;
        this.queries = queries;
    }

    /**
     * Applies to join. 409 {@code already-a-member} for a person who is a member already (without saying where),
     * 409 {@code application-already-open} while the person or the account has an open application.
     */
    @PostMapping(APPLICATIONS)
    ResponseEntity<ApplicationView> apply(@Valid @RequestBody ApplyRequest request,
                                          @AuthenticationPrincipal OrgPrincipal caller) {
        JoiningOutcome outcome = submission.apply(request.command(), caller);
        if (!(outcome instanceof JoiningOutcome.Recorded recorded)) {
            throw new PersonAlreadyAMember();
        }
        String id = recorded.application().id();
        return ResponseEntity.created(URI.create(MY_APPLICATIONS + "/" + id))
                .body(ApplicationView.forApplicant(queries.mine(id, caller)));
    }

    @GetMapping(MY_APPLICATIONS)
    PageView<ApplicationListItem> mine(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                       @RequestParam(defaultValue = "20") @Min(1)
                                       @Max(ApplicationQueries.MAX_PAGE_SIZE) int size,
                                       @AuthenticationPrincipal OrgPrincipal caller) {
        return PageView.of(queries.mine(caller, page, size));
    }

    @GetMapping(MY_APPLICATIONS + "/{id}")
    ApplicationView mine(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        return ApplicationView.forApplicant(queries.mine(id, caller));
    }

    /** The applicant takes an application back while it awaits a decision. */
    @PostMapping(APPLICATIONS + "/{id}/withdraw")
    ApplicationView withdraw(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        submission.withdraw(id, caller);
        return ApplicationView.forApplicant(queries.mine(id, caller));
    }
}
