package cn.smartunion.aid.notice.adapter.in.web;

import cn.smartunion.aid.notice.application.PublicNotice;
import cn.smartunion.aid.notice.application.PublicNotices;
import cn.smartunion.aid.web.PageView;
import cn.smartunion.runtime.scope.OrgPrincipal;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 公示: approved beneficiaries with masked names and ID numbers, for members and staff. */
@RestController
@Validated
@RequestMapping("/api/aid/v1/public-notices")
class PublicNoticeController {

    private final PublicNotices notices;

    PublicNoticeController(PublicNotices notices) {
        this.notices = notices;
    }

    @GetMapping
    PageView<PublicNotice> list(@RequestParam(required = false) @Size(max = 32) String programmeCode,
                                @RequestParam(required = false) @Size(max = 32) String cycle,
                                @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(PageView.MAX_PAGE_SIZE) int size,
                                @AuthenticationPrincipal OrgPrincipal caller) {
        return notices.list(caller, programmeCode, cycle, page, size);
    }
}
