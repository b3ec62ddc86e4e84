package cn.smartunion.runtime.problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import cn.smartunion.runtime.personaldata.CitizenIdNumber;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A tiny service with one endpoint per kind of failure, for the problem+json tests. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ ProblemTestApplication.FailingController.class, ProblemTestApplication.ServiceOwnAdvice.class })
class ProblemTestApplication {

    /** A servlet filter that fails outside Spring MVC: only the container's error page can answer. */
    @Bean
    FilterRegistrationBean<Filter> failingFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            throw new IllegalStateException("filter broke with " + SECRET);
        });
        registration.addUrlPatterns("/test/filter-failure");
        return registration;
    }

    static final String SECRET = "jdbc-password=hunter2@10.1.2.3";

    /** A citizen ID number inside a third-party failure message: it must not reach the logs. */
    static final String CITIZEN_ID = "11010519491231002X";

    record Address(@NotBlank String city) {
    }

    record MemberRequest(@NotBlank String name, @Min(16) int age, @Valid @NotNull Address address,
            CitizenIdNumber idNumber) {
    }

    record MemberResponse(String name, CitizenIdNumber idNumber) {
    }

    /** An exception only the service's own advice knows. */
    static class QuotaExceededException extends RuntimeException {
    }

    @RestController
    @RequestMapping("/test/problems")
    static class FailingController {

        @PostMapping(path = "/members", consumes = MediaType.APPLICATION_JSON_VALUE)
        MemberResponse register(@Valid @RequestBody MemberRequest request) {
            return new MemberResponse(request.name(), request.idNumber());
        }

        @PostMapping("/bytes")
        String countBytes(InputStream body) throws IOException {
            return "read " + body.readAllBytes().length;
        }

        @PostMapping(path = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
        String upload(@RequestParam("file") MultipartFile file) {
            return "uploaded " + file.getSize();
        }

        @GetMapping("/search")
        List<String> search(@RequestParam @Min(1) @Max(100) int size) {
            return List.of("size=" + size);
        }

        @GetMapping("/client-gone")
        String clientGone() {
            throw new UncheckedIOException(
                    new AsyncRequestNotUsableException("ServletOutputStream failed to write: Broken pipe"));
        }

        @GetMapping("/not-found")
        String notFound() {
            throw new NotFoundException("Member not found");
        }

        @GetMapping("/conflict")
        String conflict() {
            throw new ConflictException("The case is already closed");
        }

        @GetMapping("/stale")
        String stale() {
            throw new OptimisticLockingFailureException("Version 3 of member 42 in collection members is stale");
        }

        @GetMapping("/duplicate")
        String duplicate() {
            throw new DuplicateKeyException("E11000 duplicate key error collection: members index: idNumberIndex "
                    + "dup key: { idNumber: \"420322199001011234\" }");
        }

        @GetMapping("/forbidden")
        String forbidden() {
            throw new AccessDeniedException("role aid-approver required for " + SECRET);
        }

        @GetMapping("/invalid-id")
        String invalidId(@RequestParam String number) {
            return CitizenIdNumber.parse(number).masked();
        }

        @GetMapping("/secret")
        String secret() {
            throw new IllegalStateException("Cannot connect with " + SECRET + " while saving " + CITIZEN_ID);
        }

        @GetMapping("/quota")
        String quota() {
            throw new QuotaExceededException();
        }
    }

    /** A service's own advice, unordered like most are: it must win for the exceptions it handles. */
    @RestControllerAdvice
    static class ServiceOwnAdvice {

        @ExceptionHandler(QuotaExceededException.class)
        ProblemDetail quota() {
            return ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "Partner quota exceeded");
        }
    }
}
