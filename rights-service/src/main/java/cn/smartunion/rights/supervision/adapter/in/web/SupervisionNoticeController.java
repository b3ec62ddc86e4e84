package cn.smartunion.rights.supervision.adapter.in.web;

import cn.smartunion.contracts.rights.ClaimType;
import cn.smartunion.contracts.rights.NoticeType;
import cn.smartunion.rights.supervision.application.SupervisionNoticing;
import cn.smartunion.rights.supervision.domain.NoticeStatus;
import cn.smartunion.rights.supervision.domain.SupervisionNotice;
import cn.smartunion.rights.supervision.domain.SupervisionNotices;
import cn.smartunion.rights.web.PageView;
import cn.smartunion.runtime.scope.OrgPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
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

/** Labour-law supervision notices (一函两书) to employers: rights agents issue them and record replies. */
@RestController
@Validated
@RequestMapping("/api/rights/v1/supervision-notices")
class SupervisionNoticeController {

    private final SupervisionNoticing noticing;

    SupervisionNoticeController(SupervisionNoticing noticing) {
        this.noticing = noticing;
    }

    @PostMapping
    ResponseEntity<NoticeView> issue(@Valid @RequestBody IssueRequest request,
                                     @AuthenticationPrincipal OrgPrincipal caller) {
        SupervisionNotice notice = noticing.issue(new SupervisionNoticing.IssueNotice(request.orgId(), request.type(),
                request.employer().creditCode(), request.employer().name(), request.issues(), request.caseId(),
                request.content(), request.issuedOn()), caller);
        return ResponseEntity.created(URI.create("/api/rights/v1/supervision-notices/" + notice.id()))
                .body(NoticeView.of(noticing.get(notice.id(), caller)));
    }

    @PostMapping("/{id}/response")
    NoticeView respond(@PathVariable @Size(max = 64) String id, @Valid @RequestBody ResponseRequest request,
                       @AuthenticationPrincipal OrgPrincipal caller) {
        noticing.respond(id, request.respondedOn(), request.accepted(), caller);
        return NoticeView.of(noticing.get(id, caller));
    }

    @GetMapping("/{id}")
    NoticeView get(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        return NoticeView.of(noticing.get(id, caller));
    }

    @GetMapping
    PageView<NoticeView> list(@RequestParam(required = false) NoticeType type,
                              @RequestParam(required = false) @Size(max = 32) String employerCreditCode,
                              @RequestParam(required = false) NoticeStatus status,
                              @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                              @RequestParam(defaultValue = "20") @Min(1) @Max(PageView.MAX_PAGE_SIZE) int size,
                              @AuthenticationPrincipal OrgPrincipal caller) {
        return noticing.list(caller, new SupervisionNotices.Filter(type, employerCreditCode, status), page, size)
                .map(NoticeView::of);
    }

    record EmployerRequest(@NotBlank @Size(max = 32) String creditCode, @NotBlank @Size(max = 200) String name) {
    }

    record IssueRequest(@NotBlank @Size(max = 64) String orgId,
                        @NotNull NoticeType type,
                        @NotNull @Valid EmployerRequest employer,
                        @NotEmpty @Size(max = 7) List<@NotNull ClaimType> issues,
                        @Size(min = 1, max = 64) String caseId,
                        @NotBlank @Size(max = 4000) String content,
                        @NotNull LocalDate issuedOn) {

        @Override
        public String toString() {
            return "IssueRequest[" + type + "]";
        }
    }

    record ResponseRequest(@NotNull LocalDate respondedOn, @NotNull Boolean accepted) {
    }

    record EmployerView(String employerId, String creditCode, String name) {
    }

    record ReplyView(LocalDate respondedOn, boolean accepted) {
    }

    record NoticeView(String id, String orgId, String orgPath, NoticeType type, EmployerView employer,
                      List<ClaimType> issues, String caseId, String content, LocalDate issuedOn, NoticeStatus status,
                      ReplyView response, Instant createdAt) {

        static NoticeView of(SupervisionNoticing.Found found) {
            SupervisionNotice n = found.notice();
            var e = n.employer();
            var r = n.response();
            return new NoticeView(n.id(), n.orgId(), n.orgPath(), n.type(),
                    new EmployerView(e.employerId(), e.creditCode(), e.name()), n.issues(), n.caseId(),
                    found.content(), n.issuedOn(), n.status(),
                    r == null ? null : new ReplyView(r.respondedOn(), r.accepted()), n.createdAt());
        }
    }
}
