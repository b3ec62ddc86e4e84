package cn.smartunion.membership.member.adapter.in.web;

import cn.smartunion.contracts.membership.ActorKind;
import cn.smartunion.contracts.membership.JoinChannel;
import cn.smartunion.membership.member.adapter.in.web.MemberViews.MemberListItem;
import cn.smartunion.membership.member.adapter.in.web.MemberViews.MemberView;
import cn.smartunion.membership.member.adapter.in.web.MemberViews.PageView;
import cn.smartunion.membership.member.application.MemberAccess;
import cn.smartunion.membership.member.application.MemberLifecycle;
import cn.smartunion.membership.member.application.MemberQueries;
import cn.smartunion.membership.recognition.domain.MemberRecognitions;
import cn.smartunion.membership.member.application.MemberRegistration;
import cn.smartunion.membership.member.application.RegisterMember;
import cn.smartunion.membership.member.application.Registration;
import cn.smartunion.membership.member.domain.Member;
import cn.smartunion.membership.member.domain.MemberStatus;
import cn.smartunion.membership.member.domain.RetentionReason;
import cn.smartunion.membership.member.domain.TerminationReason;
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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/**
 * Real-name member records for union staff ({@code union-staff}, {@code union-admin}), limited to the caller's
 * subtree: a record elsewhere is not found. Staff registering a worker act on the worker's behalf (帮办/代办): the
 * history records the staff member as actor, the record itself is the worker's.
 */
@RestController
@Validated
@RequestMapping("/api/membership/v1/members")
class MemberController {

    private final MemberRegistration registration;
    private final MemberLifecycle lifecycle;
    private final MemberQueries queries;
    private final MemberRecognitions recognitions;

    MemberController(MemberRegistration registration, MemberLifecycle lifecycle, MemberQueries queries,
                     MemberRecognitions recognitions) {
        this.recognitions = recognitions;
        this.registration = registration;
        this.lifecycle = lifecycle;
        this.queries = queries;
    }

    @PostMapping
    ResponseEntity<MemberView> register(@Valid @RequestBody RegisterMemberRequest request,
                                        @AuthenticationPrincipal OrgPrincipal caller) {
        MemberAccess.requireStaff(caller);
        Registration result = registration.register(new RegisterMember(request.orgId(), request.legalName(),
                request.citizenIdNumber(), request.mobilePhone(), EmploymentRequest.details(request.employment()),
                request.groupTags(), request.joinChannel(), request.campaignId(), ActorKind.STAFF, caller.subject(),
                null, null, null, request.effectiveOn()), caller);
        if (result instanceof Registration.Activated activated) {
            return ResponseEntity.created(URI.create("/api/membership/v1/members/" + activated.memberId()))
                    .body(view(queries.get(activated.memberId(), caller)));
        }
        throw new PersonAlreadyAMember();
    }

    @GetMapping("/{id}")
    MemberView get(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        return view(queries.get(id, caller));
    }

    @GetMapping
    PageView<MemberListItem> list(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                  @RequestParam(defaultValue = "20") @Min(1) @Max(MemberQueries.MAX_PAGE_SIZE) int size,
                                  @RequestParam(required = false) MemberStatus status,
                                  @RequestParam(required = false) @Size(max = 64) String orgId,
                                  @RequestParam(required = false) @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}")
                                  String groupTag,
                                  @AuthenticationPrincipal OrgPrincipal caller) {
        var result = queries.list(caller, status, orgId, groupTag, page, size);
        return new PageView<>(result.items().stream().map(MemberListItem::of).toList(), result.page(), result.size(),
                result.totalItems());
    }

    @PostMapping("/{id}/retain")
    MemberView retain(@PathVariable @Size(max = 64) String id, @Valid @RequestBody RetainRequest request,
                      @AuthenticationPrincipal OrgPrincipal caller) {
        return reread(lifecycle.retain(id, request.reasonCode(), request.since(), caller), caller);
    }

    @PostMapping("/{id}/reinstate")
    MemberView reinstate(@PathVariable @Size(max = 64) String id,
                         @Valid @RequestBody(required = false) ReinstateRequest request,
                         @AuthenticationPrincipal OrgPrincipal caller) {
        return reread(lifecycle.reinstate(id, request == null ? null : request.effectiveOn(), caller), caller);
    }

    @PostMapping("/{id}/terminate")
    MemberView terminate(@PathVariable @Size(max = 64) String id, @Valid @RequestBody TerminateRequest request,
                         @AuthenticationPrincipal OrgPrincipal caller) {
        return reread(lifecycle.terminate(id, request.reasonCode(), request.effectiveOn(), caller), caller);
    }

    @PutMapping("/{id}/group-tags")
    MemberView groupTags(@PathVariable @Size(max = 64) String id, @Valid @RequestBody GroupTagsRequest request,
                         @AuthenticationPrincipal OrgPrincipal caller) {
        return reread(lifecycle.changeGroupTags(id, request.groupTags(), caller), caller);
    }

    @PutMapping("/{id}/employment")
    MemberView employment(@PathVariable @Size(max = 64) String id, @Valid @RequestBody EmploymentRequest request,
                          @AuthenticationPrincipal OrgPrincipal caller) {
        return reread(lifecycle.changeEmployment(id, EmploymentRequest.details(request), caller), caller);
    }

    /** The member no longer declares any employment. */
    @DeleteMapping("/{id}/employment")
    MemberView clearEmployment(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        return reread(lifecycle.changeEmployment(id, null, caller), caller);
    }

    private MemberView reread(Member changed, OrgPrincipal caller) {
        return view(queries.get(changed.id(), caller));
    }

    private MemberView view(MemberQueries.Details details) {
        return MemberView.of(details, recognitions.of(details.member().id()));
    }

    record RegisterMemberRequest(
            @NotBlank @Size(max = 64) String orgId,
            @NotBlank @Size(max = 100) String legalName,
            @NotBlank @Size(max = 32) String citizenIdNumber,
            @Size(max = 32) String mobilePhone,
            @Valid EmploymentRequest employment,
            @Size(max = 32) List<@NotBlank @Size(max = 64) String> groupTags,
            @NotNull JoinChannel joinChannel,
            @Size(max = 64) String campaignId,
            LocalDate effectiveOn) {

        @Override
        public String toString() {
            return "RegisterMemberRequest[orgId=" + orgId + "]";
        }
    }

    record RetainRequest(@NotNull RetentionReason reasonCode, LocalDate since) {
    }

    record ReinstateRequest(LocalDate effectiveOn) {
    }

    record TerminateRequest(@NotNull TerminationReason reasonCode, LocalDate effectiveOn) {
    }

    record GroupTagsRequest(@NotNull @Size(max = 32) List<@NotBlank @Size(max = 64) String> groupTags) {
    }
}
