package cn.smartunion.membership.member.application;

import cn.smartunion.contracts.membership.ActorKind;
import cn.smartunion.contracts.membership.JoinChannel;
import cn.smartunion.membership.member.MemberServiceTestSupport;
import cn.smartunion.membership.member.TestIdentities;
import cn.smartunion.membership.member.domain.Actor;
import cn.smartunion.membership.member.domain.Member;
import cn.smartunion.membership.member.domain.MemberRuleViolation;
import cn.smartunion.membership.member.domain.MemberStatus;
import cn.smartunion.membership.member.domain.Members;
import cn.smartunion.membership.member.domain.TerminationReason;
import cn.smartunion.membership.org.domain.OrgPath;
import cn.smartunion.membership.org.domain.OrgType;
import cn.smartunion.membership.org.domain.OrgUnit;
import cn.smartunion.runtime.problem.ConflictException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The use case other features (joining, collective enrolment, transfers) call. */
class MemberRegistrationTest extends MemberServiceTestSupport {

    @Autowired MemberRegistration registration;
    @Autowired Members members;
    @Autowired MongoTemplate mongo;

    @Test
    void ofManySimultaneousRegistrationsOfOnePersonExactlyOneSucceedsAndTheOthersHearAlreadyAMember()
            throws Exception {
        String idNumber = TestIdentities.citizenIdNumber();
        int callers = 8;
        CyclicBarrier start = new CyclicBarrier(callers);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Registration>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                String orgId = i % 2 == 0 ? yunxi.id() : zhushan.id();
                results.add(pool.submit(() -> {
                    start.await();
                    return registration.register(command(orgId, idNumber, ActorKind.IMPORT, "batch-1"));
                }));
            }
            List<Registration> outcomes = new ArrayList<>();
            for (Future<Registration> result : results) {
                outcomes.add(result.get());
            }
            assertThat(outcomes).filteredOn(r -> r instanceof Registration.Activated).hasSize(1);
            assertThat(outcomes).filteredOn(r -> r instanceof Registration.AlreadyMember).hasSize(callers - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(mongo.count(Query.query(where("citizenIdNumber.masked")
                .is(idNumber.substring(0, 4) + "**********" + idNumber.substring(14))), "members")).isEqualTo(1);
    }

    @Test
    void aTerminatedPersonRegisteringAgainReactivatesTheSameRecordAsARejoin() {
        String idNumber = TestIdentities.citizenIdNumber();
        var first = (Registration.Activated) registration.register(command(yunxi.id(), idNumber, ActorKind.STAFF, "s1"));
        assertThat(first.firstJoin()).isTrue();
        var member = members.findById(first.memberId()).orElseThrow();
        member.terminate(TerminationReason.VOLUNTARY_EXIT, LocalDate.now(Member.CHINA), Actor.staff("s1"),
                Instant.now());
        members.update(member, List.of());

        Registration again = registration.register(command(zhushan.id(), idNumber, ActorKind.MEMBER, "kc-1"));

        assertThat(again).isEqualTo(new Registration.Activated(first.memberId(), false));
        var reactivated = members.findById(first.memberId()).orElseThrow();
        assertThat(reactivated.status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(reactivated.org().path()).isEqualTo(ZHUSHAN);
        assertThat(registration.register(command(yunxi.id(), idNumber, ActorKind.STAFF, "s1")))
                .isInstanceOf(Registration.AlreadyMember.class);
    }

    @Test
    void aDissolvedUnionTakesNoMembers() {
        OrgUnit grassroots = orgRegistration.registerChildIfAbsent(new OrgPath(YUNXI), "P-" + UUID.randomUUID()
                .toString().substring(0, 8), "郧西某企业工会", OrgType.GRASSROOTS_UNION);
        mongo.updateFirst(Query.query(where("_id").is(grassroots.id())), new Update().set("dissolved", true), "orgs");

        assertThatThrownBy(() -> registration.register(command(grassroots.id(), TestIdentities.citizenIdNumber(),
                ActorKind.STAFF, "s1")))
                .isInstanceOf(MemberRuleViolation.class)
                .satisfies(e -> assertThat(((MemberRuleViolation) e).field()).isEqualTo("orgId"));
    }

    @Test
    void anAccountLinkedToOneRecordCannotRegisterAnotherPerson() {
        String account = "kc-" + UUID.randomUUID();
        var first = registration.register(new RegisterMember(yunxi.id(), "冯一", TestIdentities.citizenIdNumber(), null,
                null, List.of(), JoinChannel.ONLINE_APPLICATION, null, ActorKind.MEMBER, account, account, "app-1",
                null, null));
        assertThat(first).isInstanceOf(Registration.Activated.class);

        assertThatThrownBy(() -> registration.register(new RegisterMember(yunxi.id(), "冯二",
                TestIdentities.citizenIdNumber(), null, null, List.of(), JoinChannel.ONLINE_APPLICATION, null,
                ActorKind.MEMBER, account, account, "app-2", null, null)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void theCommandIsValidatedBeforeAnythingIsStored() {
        assertThatThrownBy(() -> registration.register(new RegisterMember(yunxi.id(), "张三",
                TestIdentities.citizenIdNumber(), null, new EmploymentDetails(null, null, "GIG", null), List.of(),
                JoinChannel.COLLECTIVE_REGISTRATION, null, ActorKind.IMPORT, "batch-9", null, null, "batch-9", null)))
                .isInstanceOf(MemberRuleViolation.class)
                .satisfies(e -> assertThat(((MemberRuleViolation) e).field()).isEqualTo("employment.employmentForm"));
        assertThatThrownBy(() -> registration.register(new RegisterMember(yunxi.id(), "张三",
                TestIdentities.citizenIdNumber(), null, null, List.of(), null, null, ActorKind.IMPORT, "batch-9", null,
                null, "batch-9", null)))
                .satisfies(e -> assertThat(((MemberRuleViolation) e).field()).isEqualTo("joinChannel"));
        assertThatThrownBy(() -> registration.register(new RegisterMember(yunxi.id(), "张三",
                TestIdentities.citizenIdNumber(), null, null, List.of(), JoinChannel.QR_CODE, null, null, "x", null,
                null, null, null)))
                .satisfies(e -> assertThat(((MemberRuleViolation) e).field()).isEqualTo("actorKind"));
    }

    private static RegisterMember command(String orgId, String idNumber, ActorKind actor, String actorSubject) {
        return new RegisterMember(orgId, "陈并发", idNumber, null, null, List.of("MIGRANT_WORKER"),
                JoinChannel.COLLECTIVE_REGISTRATION, "migrant-2026", actor, actorSubject, null, null,
                actor == ActorKind.IMPORT ? actorSubject : null, null);
    }
}
