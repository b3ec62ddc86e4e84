package cn.smartunion.membership.enrolment.adapter.in.web;

import cn.smartunion.contracts.membership.JoinChannel;
import cn.smartunion.membership.enrolment.application.EnrolmentJobQueries;
import cn.smartunion.membership.enrolment.application.EnrolmentJobSubmission;
import cn.smartunion.membership.enrolment.application.RosterUpload;
import cn.smartunion.membership.enrolment.application.SubmitEnrolmentJob;
import cn.smartunion.membership.enrolment.domain.EnrolmentJob;
import cn.smartunion.membership.enrolment.domain.RosterFile;
import cn.smartunion.runtime.scope.OrgPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.util.MimeTypeUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Roster imports (集中入会 / 集体登记) as asynchronous job resources: upload a roster, poll the job, read the rows it
 * refused. Union staff and admins only, within their own subtree.
 */
@RestController
@Validated
@RequestMapping(EnrolmentJobView.BASE)
class EnrolmentJobController {

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    private final EnrolmentJobSubmission submission;
    private final EnrolmentJobQueries queries;
    private final EnrolmentMessages messages;

    EnrolmentJobController(EnrolmentJobSubmission submission, EnrolmentJobQueries queries,
                           EnrolmentMessages messages) {
        this.submission = submission;
        this.queries = queries;
        this.messages = messages;
    }

    /**
     * 202 with the new job, or 303 to the job that already exists for the same roster (same bytes, same org): a
     * roster is imported once per org however often it is uploaded.
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<EnrolmentJobView> submit(@RequestPart("file") MultipartFile file,
                                            @RequestParam @NotBlank @Size(max = 64) String orgId,
                                            @RequestParam JoinChannel joinChannel,
                                            @RequestParam(required = false) @Size(max = 64) String campaignId,
                                            @AuthenticationPrincipal OrgPrincipal caller,
                                            HttpServletRequest request) {
        var result = submission.submit(new SubmitEnrolmentJob(orgId, joinChannel, campaignId, upload(file)), caller);
        URI location = URI.create(EnrolmentJobView.location(result.job().id()));
        HttpStatus status = result.created() ? HttpStatus.ACCEPTED : HttpStatus.SEE_OTHER;
        return ResponseEntity.status(status).location(location).body(view(result.job(), request));
    }

    @GetMapping("/{id}")
    EnrolmentJobView get(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller,
                         HttpServletRequest request) {
        return view(queries.get(id, caller), request);
    }

    @GetMapping
    PageView<EnrolmentJobView> list(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                    @RequestParam(defaultValue = "20") @Min(1)
                                    @Max(EnrolmentJobQueries.MAX_PAGE_SIZE) int size,
                                    @AuthenticationPrincipal OrgPrincipal caller, HttpServletRequest request) {
        var result = queries.list(caller, page, size);
        return new PageView<>(result.items().stream().map(j -> view(j, request)).toList(), result.page(),
                result.size(), result.totalItems());
    }

    /** The refused rows as JSON pages, or all of them as CSV when the client accepts {@code text/csv} only. */
    @GetMapping("/{id}/rejections")
    ResponseEntity<PageView<RejectionView>> rejections(
            @PathVariable @Size(max = 64) String id,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(EnrolmentJobQueries.MAX_PAGE_SIZE) int size,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            @AuthenticationPrincipal OrgPrincipal caller, HttpServletRequest request, HttpServletResponse response) {
        EnrolmentJob job = queries.get(id, caller);
        if (wantsCsv(accept)) {
            writeCsv(job, request, response);
            return null;
        }
        var rejections = queries.rejections(job, page, size);
        Map<String, String> columns = columnsOf(job);
        Locale locale = messages.locale(request);
        var items = rejections.items().stream().map(r -> new RejectionView(r.row(), r.reason(), r.field(),
                r.field() == null ? null : columns.get(r.field()), r.detail(), r.value(), r.sameAsRow(),
                messages.describe(r, columns.get(r.field()), locale, request))).toList();
        return ResponseEntity.ok(new PageView<>(items, rejections.page(), rejections.size(),
                rejections.totalItems()));
    }

    @GetMapping("/{id}/rejections.csv")
    void rejectionsCsv(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller,
                       HttpServletRequest request, HttpServletResponse response) {
        writeCsv(queries.get(id, caller), request, response);
    }

    /**
     * UTF-8 with a byte-order mark so Excel shows the Chinese; streamed row by row from the database. Cells that
     * a spreadsheet would run as a formula are prefixed with an apostrophe.
     */
    private void writeCsv(EnrolmentJob job, HttpServletRequest request, HttpServletResponse response) {
        Map<String, String> columns = columnsOf(job);
        Locale locale = messages.locale(request);
        response.setStatus(HttpStatus.OK.value());
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"rejections-" + job.id() + ".csv\"");
        try {
            Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
            out.write('\uFEFF');
            out.write(messages.get("enrolment.csv.header", locale));
            out.write("\r\n");
            queries.forEachRejection(job, r -> {
                String column = r.field() == null ? null : columns.get(r.field());
                List<String> cells = List.of(String.valueOf(r.row()), r.reason(), nullToEmpty(r.field()),
                        nullToEmpty(column), nullToEmpty(r.value()),
                        r.sameAsRow() == null ? "" : String.valueOf(r.sameAsRow()),
                        messages.describe(r, column, locale, request));
                try {
                    out.write(cells.stream().map(EnrolmentJobController::csvCell).collect(Collectors.joining(",")));
                    out.write("\r\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String csvCell(String value) {
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static boolean wantsCsv(String accept) {
        if (accept == null) {
            return false;
        }
        List<MediaType> types = MediaType.parseMediaTypes(accept);
        MimeTypeUtils.sortBySpecificity(types);
        for (MediaType type : types) {
            if (type.isCompatibleWith(TEXT_CSV) && !type.isWildcardType()) {
                return true;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.isWildcardType()) {
                return false;
            }
        }
        return false;
    }

    private EnrolmentJobView view(EnrolmentJob job, HttpServletRequest request) {
        String failure = job.failure() == null ? null
                : messages.get("enrolment.failure." + job.failure().name(), messages.locale(request));
        return EnrolmentJobView.of(job, failure);
    }

    private static Map<String, String> columnsOf(EnrolmentJob job) {
        return job.file().columns().stream()
                .collect(Collectors.toMap(RosterFile.Column::field, RosterFile.Column::header, (a, b) -> a));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static RosterUpload upload(MultipartFile file) {
        return new RosterUpload() {
            @Override
            public String fileName() {
                return file.getOriginalFilename();
            }

            @Override
            public long size() {
                return file.getSize();
            }

            @Override
            public InputStream open() throws IOException {
                return file.getInputStream();
            }
        };
    }

    record PageView<T>(List<T> items, int page, int size, long totalItems) {
    }

    /**
     * A refused row.
     *
     * @param column  the header of the column at fault as the file wrote it
     * @param value   masked for ID and phone numbers, absent for names
     * @param message what is wrong, in the response language
     */
    record RejectionView(int row, String reason, String field, String column, String detail, String value,
                         Integer sameAsRow, String message) {
    }
}
