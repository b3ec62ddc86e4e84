package cn.smartunion.aid.eligibility.adapter.in.web;

import cn.smartunion.aid.access.AidAccess;
import cn.smartunion.aid.eligibility.domain.MemberRecord;
import cn.smartunion.aid.eligibility.domain.MemberRecords;
import cn.smartunion.aid.eligibility.domain.MemberStanding;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * What aid-service knows of a member's standing on a date, from membership-service's events, and their honours from
 * competition-service's (model workers are entitled to model-worker care): aid officers check it before filing (a
 * claim is judged on the date of illness). Members outside the caller's subtree are not found.
 */
@RestController
@Validated
@RequestMapping("/api/aid/v1/member-standings")
class MemberStandingController {

    private final MemberRecords records;
    private final Clock clock;

    MemberStandingController(MemberRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** @param modelWorker holds a standing 劳模 honour (model-worker care: 三金, 困难劳模帮扶, 疗休养) */
    record StandingView(String memberId, String orgId, String orgPath, LocalDate on, MemberStanding standing,
                        Set<String> groupTags, boolean modelWorker, List<MemberRecord.Honour> honours) {
    }

    @GetMapping("/{memberId}")
    StandingView get(@PathVariable @Size(max = 64) String memberId,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                     @AuthenticationPrincipal OrgPrincipal caller) {
        AidAccess.requireStaff(caller);
        MemberRecord record = records.findWithin(memberId, caller.orgPath())
                .orElseThrow(() -> new NotFoundException("member not found"));
        LocalDate date = on != null ? on : LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        return new StandingView(record.memberId(), record.orgId(), record.orgPath(), date, record.standingOn(date),
                record.groupTags(), record.isModelWorker(), record.honours());
    }
}
