package cn.smartunion.membership.joining.adapter.in.web;

import cn.smartunion.membership.joining.adapter.in.web.ApplicationViews.ApplicationListItem;
import cn.smartunion.membership.joining.adapter.in.web.ApplicationViews.ApplicationView;
import cn.smartunion.membership.joining.adapter.in.web.ApplicationViews.PageView;
import cn.smartunion.membership.joining.adapter.in.web.JoiningRequests.ApproveRequest;
import cn.smartunion.membership.joining.adapter.in.web.JoiningRequests.OnBehalfRequest;
import cn.smartunion.membership.joining.adapter.in.web.JoiningRequests.RejectRequest;
import cn.smartunion.membership.joining.application.ApplicationQueries;
import cn.smartunion.membership.joining.application.ApplicationReview;
import cn.smartunion.membership.joining.application.ApplicationSubmission;
import cn.smartunion.membership.joining.application.JoiningOutcome;
import cn.smartunion.membership.joining.domain.Application;
import cn.smartunion.membership.joining.domain.ApplicationStatus;
import cn.smartunion.membership.member.adapter.in.web.PersonAlreadyAMember;
import cn.smartunion.membership.member.application.MemberAccess;
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
 * Applications for union staff ({@code union-staff}, {@code union-admin}): the review queue of the unions in the
 * caller's subtree (an application to any other union is not found), decisions, and applications entered on a
 * worker's behalf (帮办/代办). Personal data is masked throughout.
 */
@RestController
@Validated
class ApplicationReviewController {

    private static final String APPLICATIONS = ApplicationController.APPLICATIONS;

    private final ApplicationSubmission submission;
    private final ApplicationReview review;
    private final ApplicationQueries queries;

    ApplicationReviewController(ApplicationSubmission submission, ApplicationReview review,
                                ApplicationQueries queries) {
        this.submission = submission;
        this.review = review;
        this.queries = queries;
    }

    @GetMapping(APPLICATIONS)
    PageView<ApplicationListItem> list(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                       @RequestParam(defaultValue = "20") @Min(1)
                                       @Max(ApplicationQueries.MAX_PAGE_SIZE) int size,
                                       @RequestParam(required = false) ApplicationStatus status,
                                       @RequestParam(required = false) @Size(max = 64) String orgId,
                                       @AuthenticationPrincipal OrgPrincipal caller) {
        return PageView.of(queries.list(caller, status, orgId, page, size));
    }

    @GetMapping(APPLICATIONS + "/{id}")
    ApplicationView get(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        return ApplicationView.forStaff(queries.get(id, caller));
    }

    /**
     * Approves: the applicant becomes a member of the receiving union from {@code effectiveOn} (default today).
     * Repeating it is harmless; an application rejected or withdrawn meanwhile is a 409.
     */
    @PostMapping(APPLICATIONS + "/{id}/approve")
    ApplicationView approve(@PathVariable @Size(max = 64) String id,
                            @Valid @RequestBody(required = false) ApproveRequest request,
                            @AuthenticationPrincipal OrgPrincipal caller) {
        recorded(review.approve(id, request == null ? null : request.effectiveOn(), caller));
        return ApplicationView.forStaff(queries.get(id, caller));
    }

    @PostMapping(APPLICATIONS + "/{id}/reject")
    ApplicationView reject(@PathVariable @Size(max = 64) String id, @Valid @RequestBody RejectRequest request,
                           @AuthenticationPrincipal OrgPrincipal caller) {
        review.reject(id, request.reasonCode(), request.note(), caller);
        return ApplicationView.forStaff(queries.get(id, caller));
    }

    /**
     * Staff enter an application for a worker (mobile window, service station, campaign event): the staff member is
     * recorded as submitter, the worker as applicant. With {@code approveNow} the same request approves it, if the
     * receiving union is in the caller's subtree; the application then records the same staff member as approver.
     */
    @PostMapping(APPLICATIONS + "/on-behalf")
    ResponseEntity<ApplicationView> onBehalf(@Valid @RequestBody OnBehalfRequest request,
                                             @AuthenticationPrincipal OrgPrincipal caller) {
        Application application = recorded(submission.applyOnBehalf(request.command(), caller, request.approving(),
                request.effectiveOn()));
        if (request.approving()) {
            application = recorded(review.approve(application.id(), request.effectiveOn(), caller));
        }
        // staff may enter an application for a union outside their subtree, which they cannot read back afterwards
        ApplicationView view = MemberAccess.covers(caller, application.target().path())
                ? ApplicationView.forStaff(queries.get(application.id(), caller))
                : ApplicationView.of(application, null, true);
        return ResponseEntity.created(URI.create(APPLICATIONS + "/" + application.id())).body(view);
    }

    private static Application recorded(JoiningOutcome outcome) {
        if (outcome instanceof JoiningOutcome.Recorded recorded) {
            return recorded.application();
        }
        throw new PersonAlreadyAMember();
    }
}
