package cn.smartunion.membership.org.adapter.in.web;

import cn.smartunion.contracts.CloudEventHeaders;
import cn.smartunion.contracts.EventSchemaAssertions;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.Topics;
import cn.smartunion.membership.MembershipSpringTest;
import cn.smartunion.membership.org.application.OrgRegistration;
import cn.smartunion.membership.org.domain.OrgPath;
import cn.smartunion.membership.org.domain.OrgType;
import cn.smartunion.membership.org.domain.OrgUnit;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.util.List;
import java.util.UUID;

import static cn.smartunion.runtime.testing.TestJwts.orgUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class OrgApiTest extends MembershipSpringTest {

    private static final String HUBEI = "420000";
    private static final String SHIYAN = "420000/420300";
    private static final String YUNXI = "420000/420300/420322";
    private static final String ZHUSHAN = "420000/420300/420323";

    @Autowired MockMvc mvc;
    @Autowired OrgRegistration registration;

    private OrgUnit shiyan;
    private OrgUnit yunxi;
    private OrgUnit zhushan;

    @BeforeEach
    void demoTree() {
        registration.registerRootIfAbsent("420000", "湖北省总工会", OrgType.PROVINCIAL_FEDERATION);
        shiyan = registration.registerChildIfAbsent(new OrgPath(HUBEI), "420300", "十堰市总工会", OrgType.CITY_FEDERATION);
        yunxi = registration.registerChildIfAbsent(new OrgPath(SHIYAN), "420322", "郧西县总工会", OrgType.COUNTY_FEDERATION);
        zhushan = registration.registerChildIfAbsent(new OrgPath(SHIYAN), "420323", "竹山县总工会", OrgType.COUNTY_FEDERATION);
    }

    @Test
    void aCountyAdminRegistersAUnionInTheCountyAndItsEventLeavesThroughTheOutboxAsACloudEvent() throws Exception {
        String code = "G" + UUID.randomUUID().toString().substring(0, 8);
        String body = register(yunxi.id(), code, "郧西县某物流公司工会", "GRASSROOTS_UNION", YUNXI, "union-admin")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/membership/v1/orgs/")))
                .andExpect(jsonPath("$.path").value(YUNXI + "/" + code))
                .andExpect(jsonPath("$.parentId").value(yunxi.id()))
                .andReturn().getResponse().getContentAsString();
        String orgId = JsonPath.read(body, "$.id");

        try (Consumer<String, String> consumer = consumer(Topics.MEMBERSHIP_ORG)) {
            ConsumerRecord<String, String> record = awaitRecords(consumer, r -> orgId.equals(r.key()), 1).get(0);
            assertThat(ceHeader(record, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.ORG_REGISTERED.type());
            assertThat(ceHeader(record, CloudEventHeaders.SOURCE)).isEqualTo("/membership-service");
            assertThat(ceHeader(record, CloudEventHeaders.SUBJECT)).isEqualTo(orgId);
            assertThat(ceHeader(record, CloudEventHeaders.ORG_PATH)).isEqualTo(YUNXI + "/" + code);
            assertThat(ceHeader(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
            assertThat(ceHeader(record, CloudEventHeaders.ID)).isNotBlank();
            EventSchemaAssertions.assertConformsToSchema(ceHeader(record, CloudEventHeaders.TYPE), record.value());
        }
    }

    @Test
    void aCountySeesItsOwnSubtreeButASiblingCountyIsNotFoundWhileTheCitySeesBoth() throws Exception {
        mvc.perform(get("/api/membership/v1/orgs/" + yunxi.id()).with(orgUser(YUNXI, "union-staff")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("郧西县总工会"));
        mvc.perform(get("/api/membership/v1/orgs/" + zhushan.id()).with(orgUser(YUNXI, "union-staff")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/membership/v1/orgs/" + zhushan.id()).with(orgUser(SHIYAN, "union-staff")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/membership/v1/orgs/" + shiyan.id()).with(orgUser(YUNXI, "union-staff")))
                .andExpect(status().isNotFound());

        String page = mvc.perform(get("/api/membership/v1/orgs?size=200").with(orgUser(ZHUSHAN, "union-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> paths = JsonPath.read(page, "$.items[*].path");
        assertThat(paths).isNotEmpty().allMatch(p -> p.equals(ZHUSHAN) || p.startsWith(ZHUSHAN + "/"));
    }

    @Test
    void listsArePaginatedWithABoundedPageSize() throws Exception {
        mvc.perform(get("/api/membership/v1/orgs?page=0&size=2").with(orgUser(HUBEI, "union-staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.totalItems").value(org.hamcrest.Matchers.greaterThanOrEqualTo(4)));
        mvc.perform(get("/api/membership/v1/orgs?size=100000").with(orgUser(HUBEI, "union-staff")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void registeringOutsideOnesSubtreeIsNotFoundAndWithoutTheAdminRoleForbidden() throws Exception {
        register(zhushan.id(), "G1", "竹山某工会", "GRASSROOTS_UNION", YUNXI, "union-admin")
                .andExpect(status().isNotFound());
        register(yunxi.id(), "G1", "郧西某工会", "GRASSROOTS_UNION", YUNXI, "union-staff")
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aSecondUnitWithTheSameCodeUnderTheSameParentIsAConflict() throws Exception {
        String code = "D" + UUID.randomUUID().toString().substring(0, 8);
        register(yunxi.id(), code, "第一个", "GRASSROOTS_UNION", YUNXI, "union-admin").andExpect(status().isCreated());
        register(yunxi.id(), code, "第二个", "GRASSROOTS_UNION", YUNXI, "union-admin")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void badInputIsAProblemNeverAServerError() throws Exception {
        String unknownField = "{\"parentId\":\"%s\",\"code\":\"G2\",\"name\":\"x\",\"orgType\":\"GRASSROOTS_UNION\",\"chairIdNumber\":\"1\"}"
                .formatted(yunxi.id());
        String wrongType = "{\"parentId\":\"%s\",\"code\":\"G2\",\"name\":[1,2],\"orgType\":\"GRASSROOTS_UNION\"}"
                .formatted(yunxi.id());
        String unknownEnum = "{\"parentId\":\"%s\",\"code\":\"G2\",\"name\":\"x\",\"orgType\":\"NOPE\"}".formatted(yunxi.id());
        String missingName = "{\"parentId\":\"%s\",\"code\":\"G2\",\"orgType\":\"GRASSROOTS_UNION\"}".formatted(yunxi.id());
        String countyWithoutDivisionCode = "{\"parentId\":\"%s\",\"code\":\"YX\",\"name\":\"x\",\"orgType\":\"COUNTY_FEDERATION\"}"
                .formatted(shiyan.id());
        for (String body : List.of(unknownField, wrongType, unknownEnum, missingName, "{", "[]", "")) {
            postAs(body, YUNXI).andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        postAs(countyWithoutDivisionCode, SHIYAN).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("code"));
        postAs("{\"parentId\":\"" + yunxi.id() + "\",\"code\":\"G3\",\"name\":\"" + "长".repeat(2_000_000) + "\"}", YUNXI)
                .andExpect(status().isPayloadTooLarge());
    }

    @Test
    void withoutATokenEverythingIs401() throws Exception {
        mvc.perform(get("/api/membership/v1/orgs")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private ResultActions register(String parentId, String code, String name, String type, String callerPath,
                                   String... roles) throws Exception {
        return mvc.perform(post("/api/membership/v1/orgs").with(orgUser(callerPath, roles))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"parentId\":\"%s\",\"code\":\"%s\",\"name\":\"%s\",\"orgType\":\"%s\"}"
                        .formatted(parentId, code, name, type)));
    }

    private ResultActions postAs(String body, String callerPath) throws Exception {
        return mvc.perform(post("/api/membership/v1/orgs").with(orgUser(callerPath, "union-admin"))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
