package cn.smartunion.runtime.orgdirectory;

import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code <api-path>/org-directory}: the organisations this service knows, limited to the caller's subtree (a partner
 * client without a place in the tree sees none). Dissolved units are read by id; lists include them only with
 * {@code includeDissolved=true}.
 */
@RestController
@Validated
@RequestMapping("${smartunion.org-directory.api-path}/org-directory")
public class OrgDirectoryController {

    static final int MAX_PAGE_SIZE = 200;

    private final OrgDirectory directory;

    public OrgDirectoryController(OrgDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    public Page list(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                     @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size,
                     @RequestParam(defaultValue = "false") boolean includeDissolved,
                     @AuthenticationPrincipal OrgPrincipal caller) {
        return new Page(directory.listWithin(caller, includeDissolved, page, size), page, size,
                directory.countWithin(caller, includeDissolved));
    }

    @GetMapping("/{orgId}")
    public OrgDirectoryEntry get(@PathVariable String orgId, @AuthenticationPrincipal OrgPrincipal caller) {
        return directory.findWithin(orgId, caller)
                .orElseThrow(() -> new NotFoundException("organisation not found"));
    }

    public record Page(List<OrgDirectoryEntry> items, int page, int size, long totalItems) {
    }
}
