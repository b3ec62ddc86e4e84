package cn.smartunion.competition.honour.adapter.in.web;

import cn.smartunion.competition.honour.application.CertificationRecording;
import cn.smartunion.competition.honour.domain.Certification;
import cn.smartunion.competition.web.PageView;
import cn.smartunion.contracts.competition.Certifier;
import cn.smartunion.contracts.competition.SkillLevel;
import cn.smartunion.runtime.scope.OrgPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;

/**
 * Skill-level certifications recorded by organisers or union admins in scope. Idempotent by (person, trade, level,
 * certifier, date): the first recording answers 201, a repeat 200 with the same record and no new event.
 */
@RestController
@Validated
@RequestMapping("/api/competition/v1/certifications")
class CertificationController {

    private final CertificationRecording recording;

    CertificationController(CertificationRecording recording) {
        this.recording = recording;
    }

    @PostMapping
    ResponseEntity<CertificationView> record(@Valid @RequestBody CertificationRequest request,
                                             @AuthenticationPrincipal OrgPrincipal caller) {
        CertificationRecording.Recorded recorded = recording.record(new CertificationRecording.RecordCertification(
                request.orgId(), request.memberId(), request.person().citizenIdNumber(), request.person().legalName(),
                request.trade(), request.level(), request.certifier(), request.certifyingBody(),
                request.certifiedOn()), caller);
        CertificationView view = CertificationView.of(recorded);
        return recorded.created()
                ? ResponseEntity.created(URI.create("/api/competition/v1/certifications/" + view.id())).body(view)
                : ResponseEntity.status(HttpStatus.OK).body(view);
    }

    @GetMapping
    PageView<CertificationView> list(@RequestParam(required = false) @Size(max = 64) String memberId,
                                     @RequestParam(required = false) @Size(max = 64) String trade,
                                     @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                     @RequestParam(defaultValue = "20") @Min(1) @Max(PageView.MAX_PAGE_SIZE) int size,
                                     @AuthenticationPrincipal OrgPrincipal caller) {
        return recording.list(caller, memberId, trade, page, size).map(CertificationView::of);
    }

    record PersonRequest(@NotBlank @Size(max = 18) String citizenIdNumber, @NotBlank @Size(max = 50) String legalName) {

        @Override
        public String toString() {
            return "PersonRequest[***]";
        }
    }

    record CertificationRequest(@NotBlank @Size(max = 64) String orgId, @Size(max = 64) String memberId,
                                @NotNull @Valid PersonRequest person,
                                @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}") String trade,
                                @NotNull SkillLevel level, @NotNull Certifier certifier,
                                @NotBlank @Size(max = 200) String certifyingBody, @NotNull LocalDate certifiedOn) {

        @Override
        public String toString() {
            return "CertificationRequest[" + trade + ", " + level + "]";
        }
    }

    record CertificationView(String id, String personId, String maskedName, String maskedIdNumber, String memberId,
                             String trade, SkillLevel level, Certifier certifier, String certifyingBody,
                             LocalDate certifiedOn, String orgId, String orgPath) {

        static CertificationView of(CertificationRecording.Recorded recorded) {
            Certification c = recorded.certification();
            var p = recorded.person();
            return new CertificationView(c.id(), c.personId(), p == null ? null : p.maskedName(),
                    p == null ? null : p.maskedIdNumber(), c.memberId(), c.trade(), c.level(), c.certifier(),
                    c.certifyingBody(), c.certifiedOn(), c.orgId(), c.orgPath());
        }
    }
}
