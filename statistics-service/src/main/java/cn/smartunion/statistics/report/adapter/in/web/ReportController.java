package cn.smartunion.statistics.report.adapter.in.web;

import cn.smartunion.runtime.scope.OrgPrincipal;
import cn.smartunion.statistics.metrics.application.FigureQueries;
import cn.smartunion.statistics.report.application.ReportQueries;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The statistics report page (数说工会) as HTML for a browser and for print, and its stylesheet. Same roles and scope
 * as the figures: outside the caller's subtree is 404, a malformed period 400 (problem+json, whatever the browser
 * accepts). The page runs no script and loads nothing but {@value ReportPage#STYLESHEET}.
 */
@RestController
@RequestMapping("/api/statistics/v1")
class ReportController {

    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    private static final MediaType CSS = new MediaType("text", "css", StandardCharsets.UTF_8);

    private final ReportQueries queries;
    private final String stylesheet;

    ReportController(ReportQueries queries) {
        this.queries = queries;
        try {
            this.stylesheet = new ClassPathResource("report/report.css").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the report stylesheet is missing from the jar", e);
        }
    }

    // no "produces": an error must still answer problem+json to a browser that accepts only HTML
    @GetMapping("/report")
    ResponseEntity<String> report(@AuthenticationPrincipal OrgPrincipal caller,
                                  @RequestParam(required = false) String orgPath,
                                  @RequestParam(required = false) String period) {
        String page = ReportPage.render(queries.report(caller, orgPath, period));
        return ResponseEntity.ok().contentType(HTML).body(page);
    }

    /** Same readers as the page: it holds no figures, but the gateway lets no anonymous call through anyway. */
    @GetMapping("/" + ReportPage.STYLESHEET)
    ResponseEntity<String> stylesheet(@AuthenticationPrincipal OrgPrincipal caller) {
        caller.requireAnyRole(FigureQueries.READER_ROLES);
        return ResponseEntity.ok().contentType(CSS).cacheControl(CacheControl.noCache()).body(stylesheet);
    }
}
