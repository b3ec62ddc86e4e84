package cn.smartunion.runtime.scope;

import java.util.List;
import java.util.Set;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import cn.smartunion.runtime.testing.MongoWireServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The subtree criterion evaluated by a MongoDB wire-protocol server, not in memory. */
class OrgScopeQueryTest {

    private static MongoWireServer mongo;

    private static MongoClient client;

    private static MongoTemplate template;

    @Document("cases")
    record CaseDocument(@Id String id, String orgPath) {
    }

    @BeforeAll
    static void seed() {
        mongo = MongoWireServer.start();
        client = MongoClients.create(mongo.connectionString("org-scope-test"));
        template = new MongoTemplate(client, "org-scope-test");
        template.insertAll(List.of(
                new CaseDocument("province", "420000"),
                new CaseDocument("city", "420000/420300"),
                new CaseDocument("yunxi", "420000/420300/420322"),
                new CaseDocument("zhushan", "420000/420300/420323"),
                new CaseDocument("yunxi-grassroots", "420000/420300/420322/g17"),
                new CaseDocument("other-city", "420000/420500"),
                new CaseDocument("short-code", "4203"),
                new CaseDocument("short-code-child", "4203/01"),
                new CaseDocument("longer-code", "42030"),
                new CaseDocument("longer-code-child", "42030/01")));
    }

    @AfterAll
    static void stop() {
        client.close();
        mongo.close();
    }

    @Test
    void countySeesOnlyItsOwnSubtree() {
        assertThat(visibleTo("420000/420300/420322")).containsExactlyInAnyOrder("yunxi", "yunxi-grassroots");
    }

    @Test
    void citySeesItselfAndItsCounties() {
        assertThat(visibleTo("420000/420300")).containsExactlyInAnyOrder("city", "yunxi", "zhushan",
                "yunxi-grassroots");
    }

    @Test
    void provinceSeesEverythingBelowIt() {
        assertThat(visibleTo("420000")).containsExactlyInAnyOrder("province", "city", "yunxi", "zhushan",
                "yunxi-grassroots", "other-city");
    }

    @Test
    void aCodeDoesNotMatchALongerCodeItIsAPrefixOf() {
        assertThat(visibleTo("4203")).containsExactlyInAnyOrder("short-code", "short-code-child");
        assertThat(visibleTo("42030")).containsExactlyInAnyOrder("longer-code", "longer-code-child");
    }

    @Test
    void outOfScopeRecordIsNotFoundById() {
        OrgPrincipal yunxi = principal("420000/420300/420322");

        assertThat(findById("zhushan", yunxi)).isNull();
        assertThat(findById("yunxi", yunxi)).isNotNull();
    }

    @Test
    void partnerWithoutOrgPathMatchesNothing() {
        OrgPrincipal partner = new OrgPrincipal("client", "client", null, Set.of());

        assertThat(template.find(new Query(OrgScope.subtree("orgPath", partner)), CaseDocument.class)).isEmpty();
        assertThat(findById("province", partner)).isNull();
    }

    @Test
    void pathIsMatchedLiterallyAndAnchored() {
        assertThat(OrgScope.subtreeRegex("420000/420300")).isEqualTo("^420000\\/420300(/|$)");
        assertThat(OrgScope.subtreeRegex("a-b_c")).isEqualTo("^a\\-b_c(/|$)");
    }

    @Test
    void selfAndAncestorsMatchesTheUnionAndThoseAboveItNeverBelowOrBeside() {
        assertThat(template.find(new Query(OrgScope.selfAndAncestors("orgPath", "420000/420300/420322")),
                CaseDocument.class).stream().map(CaseDocument::id).toList())
                .containsExactlyInAnyOrder("province", "city", "yunxi");
        assertThat(OrgScope.selfAndAncestors("420000")).containsExactly("420000");
    }

    private List<String> visibleTo(String orgPath) {
        return template.find(new Query(OrgScope.subtree("orgPath", principal(orgPath))), CaseDocument.class)
            .stream()
            .map(CaseDocument::id)
            .toList();
    }

    private CaseDocument findById(String id, OrgPrincipal principal) {
        return template.findOne(query(where("_id").is(id)).addCriteria(OrgScope.subtree("orgPath", principal)),
                CaseDocument.class);
    }

    private static OrgPrincipal principal(String orgPath) {
        return new OrgPrincipal("user", "user", orgPath, Set.of("staff"));
    }
}
