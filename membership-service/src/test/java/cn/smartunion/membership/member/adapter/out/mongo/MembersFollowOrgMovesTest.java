package cn.smartunion.membership.member.adapter.out.mongo;

import cn.smartunion.contracts.membership.ActorKind;
import cn.smartunion.contracts.membership.JoinChannel;
import cn.smartunion.membership.MembershipSpringTest;
import cn.smartunion.membership.member.TestIdentities;
import cn.smartunion.membership.member.application.MemberRegistration;
import cn.smartunion.membership.member.application.RegisterMember;
import cn.smartunion.membership.member.application.Registration;
import cn.smartunion.membership.org.application.MoveOrg;
import cn.smartunion.membership.org.application.OrgRegistration;
import cn.smartunion.membership.org.application.OrgRestructuring;
import cn.smartunion.membership.org.domain.OrgPath;
import cn.smartunion.membership.org.domain.OrgType;
import cn.smartunion.membership.org.domain.OrgUnit;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Moving a union re-scopes its members: the new county sees them, the old one no longer does. */
class MembersFollowOrgMovesTest extends MembershipSpringTest {

    @Autowired OrgRegistration registration;
    @Autowired OrgRestructuring restructuring;
    @Autowired MemberRegistration members;
    @Autowired MongoTemplate mongo;

    @Test
    void membersOfAMovedUnionAndOfTheUnitsBelowItGetTheNewPath() {
        registration.registerRootIfAbsent("420000", "湖北省总工会", OrgType.PROVINCIAL_FEDERATION);
        registration.registerChildIfAbsent(new OrgPath("420000"), "420300", "十堰市总工会", OrgType.CITY_FEDERATION);
        registration.registerChildIfAbsent(new OrgPath("420000/420300"), "420322", "郧西县总工会",
                OrgType.COUNTY_FEDERATION);
        OrgUnit zhushan = registration.registerChildIfAbsent(new OrgPath("420000/420300"), "420323", "竹山县总工会",
                OrgType.COUNTY_FEDERATION);
        OrgUnit union = registration.registerChildIfAbsent(new OrgPath("420000/420300/420322"), "MV01",
                "郧西县某物流公司工会", OrgType.GRASSROOTS_UNION);
        OrgUnit group = registration.registerChildIfAbsent(union.path(), "MV01-G1", "一车间工会小组",
                OrgType.UNION_GROUP);
        String inUnion = register(union.id());
        String inGroup = register(group.id());

        OrgPrincipal cityAdmin = new OrgPrincipal("city-admin", "city.admin", "420000/420300",
                Set.of("union-admin", "union-staff"));
        restructuring.move(new MoveOrg(union.id(), zhushan.id()), cityAdmin, null);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(orgPathOf(inUnion)).isEqualTo("420000/420300/420323/MV01");
            assertThat(orgPathOf(inGroup)).isEqualTo("420000/420300/420323/MV01/MV01-G1");
        });
    }

    private String register(String orgId) {
        var result = members.register(new RegisterMember(orgId, "程移", TestIdentities.citizenIdNumber(), null, null,
                List.of(), JoinChannel.MOBILE_WINDOW, null, ActorKind.STAFF, "staff-1", null, null, null, null));
        return ((Registration.Activated) result).memberId();
    }

    private String orgPathOf(String memberId) {
        Document member = mongo.getCollection("members").find(new Document("_id", memberId)).first();
        return member == null ? null : member.getString("orgPath");
    }
}
