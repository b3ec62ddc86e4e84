package cn.smartunion.membership.enrolment.adapter.in.web;

import cn.smartunion.membership.enrolment.GeneratedRoster;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

import java.nio.charset.StandardCharsets;

import static cn.smartunion.runtime.testing.TestJwts.orgUser;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Rosters refused as a whole: problem+json naming the problem, never a job. (Limits here: 3 MB, 12,000 rows.) */
class EnrolmentUploadLimitsTest extends EnrolmentApiTestSupport {

    @Test
    void aFileAboveTheSizeLimitIs413() throws Exception {
        upload(new byte[3 * 1024 * 1024 + 1], "big.csv", CSV, yunxi.id(), YUNXI, "union-staff")
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:payload-too-large"))
                .andExpect(jsonPath("$.detail").value(containsString("3,145,728")));
    }

    @Test
    void moreRowsThanAllowedIs400() throws Exception {
        byte[] csv = new GeneratedRoster(PEOPLE.people(12_001)).csv();
        fileProblem(csv, "TOO_MANY_ROWS").andExpect(jsonPath("$.detail").value(containsString("12,000")));
    }

    @Test
    void anEmptyOrHeaderlessOrIncompleteFileIs400NamingTheProblem() throws Exception {
        fileProblem(new byte[0], "EMPTY_FILE");
        fileProblem("张三,110101199003078515\r\n".getBytes(StandardCharsets.UTF_8), "NO_HEADER")
                .andExpect(jsonPath("$.violations[0].field").value("file"));
        fileProblem("姓名,手机号\r\n张三,13812345678\r\n".getBytes(StandardCharsets.UTF_8), "MISSING_COLUMNS")
                .andExpect(jsonPath("$.detail").value(containsString("身份证号/idNumber")));
        fileProblem("姓名,身份证号\r\n".getBytes(StandardCharsets.UTF_8), "NO_DATA_ROWS");
        fileProblem(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0}, "UNSUPPORTED_FORMAT");
        mvc.perform(multipart(BASE).file(new MockMultipartFile("file", "x.csv", CSV, new byte[0]))
                        .param("orgId", yunxi.id()).param("joinChannel", "COLLECTIVE_REGISTRATION")
                        .header("Accept-Language", "zh-CN").with(orgUser(YUNXI, "union-staff")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].message").value("文件为空。"));
    }

    @Test
    void badParametersAre400() throws Exception {
        byte[] csv = new GeneratedRoster(PEOPLE.people(3)).csv();
        mvc.perform(multipart(BASE).file(new MockMultipartFile("file", "x.csv", CSV, csv))
                        .param("orgId", yunxi.id()).param("joinChannel", "QR_CODE").with(orgUser(YUNXI, "union-staff")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("joinChannel"));
        mvc.perform(multipart(BASE).file(new MockMultipartFile("file", "x.csv", CSV, csv))
                        .param("orgId", yunxi.id()).param("joinChannel", "CONCENTRATED_CAMPAIGN")
                        .with(orgUser(YUNXI, "union-staff")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("campaignId"));
        mvc.perform(multipart(BASE).file(new MockMultipartFile("file", "x.csv", CSV, csv))
                        .param("orgId", yunxi.id()).param("joinChannel", "NOPE").with(orgUser(YUNXI, "union-staff")))
                .andExpect(status().isBadRequest());
        mvc.perform(multipart(BASE).param("orgId", yunxi.id()).param("joinChannel", "COLLECTIVE_REGISTRATION")
                        .with(orgUser(YUNXI, "union-staff")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private org.springframework.test.web.servlet.ResultActions fileProblem(byte[] content, String reason)
            throws Exception {
        return upload(content, "roster.csv", CSV, yunxi.id(), YUNXI, "union-staff")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:validation"))
                .andExpect(jsonPath("$.reason").value(reason))
                .andExpect(jsonPath("$.violations[0].field").value("file"));
    }
}
