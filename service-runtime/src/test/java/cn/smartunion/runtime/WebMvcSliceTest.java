package cn.smartunion.runtime;

import cn.smartunion.runtime.personaldata.CitizenIdNumber;
import cn.smartunion.runtime.scope.OrgPrincipal;
import cn.smartunion.runtime.testing.TestJwts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A service's {@code @WebMvcTest} slice gets the runtime's security chain, problem handling, strict JSON and
 * identifier JSON without configuring keys or Mongo (registered through the {@code WebMvcTest.imports} file).
 */
@WebMvcTest(properties = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/never-fetched")
class WebMvcSliceTest {

    @Autowired
    MockMvc mvc;

    @Test
    void authenticatedRequestReachesTheControllerWithItsOrgPrincipalAndMaskedOutput() throws Exception {
        mvc.perform(post("/test/enrolments").with(TestJwts.orgUser("420000/420300", "staff"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"idNumber\":\"42032219900106123X\"}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.orgPath").value("420000/420300"))
            .andExpect(jsonPath("$.idNumber").value("4203**********123X"));
    }

    @Test
    void missingTokenIs401ProblemJson() throws Exception {
        mvc.perform(post("/test/enrolments").contentType(MediaType.APPLICATION_JSON).content("{}"))
            .andExpect(status().isUnauthorized())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.type").value("urn:smartunion:problem:unauthenticated"));
    }

    @Test
    void unknownPropertyIs400NamingIt() throws Exception {
        mvc.perform(post("/test/enrolments").with(TestJwts.orgUser("420000", "staff"))
            .contentType(MediaType.APPLICATION_JSON)
            .header("Accept-Language", "en")
            .content("{\"idNumber\":\"42032219900106123X\",\"idNumbr\":\"x\"}"))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.violations[0].field").value("idNumbr"))
            .andExpect(jsonPath("$.violations[0].message").value("unknown property"));
    }

    @SpringBootConfiguration
    @Import(EnrolmentController.class)
    static class SliceConfiguration {
    }

    record Enrolment(CitizenIdNumber idNumber) {
    }

    record EnrolmentView(String orgPath, CitizenIdNumber idNumber) {
    }

    @RestController
    static class EnrolmentController {

        @PostMapping("/test/enrolments")
        EnrolmentView enrol(@RequestBody Enrolment enrolment, @AuthenticationPrincipal OrgPrincipal principal) {
            return new EnrolmentView(principal.orgPath(), enrolment.idNumber());
        }
    }
}
