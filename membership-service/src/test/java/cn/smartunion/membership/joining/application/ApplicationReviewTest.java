package cn.smartunion.membership.joining.application;

import cn.smartunion.contracts.membership.ActorKind;
import cn.smartunion.contracts.membership.JoinChannel;
import cn.smartunion.membership.joining.JoiningTestSupport;
import cn.smartunion.membership.joining.domain.Application;
import cn.smartunion.membership.joining.domain.ApplicationStatus;
import cn.smartunion.membership.joining.domain.Applications;
import cn.smartunion.membership.joining.domain.IllegalApplicationTransition;
import cn.smartunion.membership.joining.domain.RejectionReason;
import cn.smartunion.membership.member.TestIdentities;
import cn.smartunion.membership.member.application.MemberRegistration;
import cn.smartunion.membership.member.application.RegisterMember;
import cn.smartunion.membership.member.application.Registration;
import cn.smartunion.membership.member.domain.Actor;
import cn.smartunion.membership.member.domain.Member;
import cn.smartunion.membership.member.domain.MemberStatus;
import cn.smartunion.membership.member.domain.Members;
import cn.smartunion.runtime.problem.ConflictException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Approval without transactions: concurrent decisions, and approvals interrupted between their steps (as if the
 * service had stopped) are finished by approving again, with one member and one activation.
 */
class ApplicationReviewTest extends JoiningTestSupport {

    @Autowired ApplicationSubmission submission;
    @Autowired ApplicationReview review;
    @Autowired Applications applications;
    @Autowired MemberRegistration registration;
    @Autowired Members members;
    @Autowired MongoTemplate mongo;

    private final OrgPrincipal yunxiStaff = staffPrincipal("staff-yunxi-1");

    @Test
    void ofManySimultaneousApprovalsOfOneApplicationAllSeeTheSameMemberAndThePersonIsActivatedOnce()
            throws Exception {
        String idNumber = TestIdentities.citizenIdNumber();
        String applicationId = submitted(idNumber);
        int callers = 6;

        List<Object> outcomes = race(callers, i -> review.approve(applicationId, null, staffPrincipal("staff-" + i)));

        Application approved = applications.findWithin(applicationId, YUNXI).orElseThrow();
        assertThat(approved.status()).isEqualTo(ApplicationStatus.APPROVED);
        String memberId = approved.approval().memberId();
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome)
                .isInstanceOfSatisfying(JoiningOutcome.Recorded.class,
                        r -> assertThat(r.application().approval().memberId()).isEqualTo(memberId)));
        Member member = members.findById(memberId).orElseThrow();
        assertThat(member.status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(member.joining().applicationId()).isEqualTo(applicationId);
        assertThat(member.history()).as("one activation, hence one MemberActivated").hasSize(1);
        assertThat(mongo.count(Query.query(where("citizenIdNumber.blindIndex").is(member.person().personKey())),
                "members")).isEqualTo(1);
    }

    @Test
    void anApprovalAndARejectionRacingForTheSameApplicationHaveExactlyOneWinner() throws Exception {
        for (int round = 0; round < 4; round++) {
            String applicationId = submitted(TestIdentities.citizenIdNumber());

            List<Object> outcomes = race(2, i -> i == 0
                    ? review.approve(applicationId, null, yunxiStaff)
                    : review.reject(applicationId, RejectionReason.NOT_ELIGIBLE, null, staffPrincipal("staff-2")));

            long conflicts = outcomes.stream().filter(o -> o instanceof IllegalApplicationTransition
                    || o instanceof ConflictException).count();
            assertThat(conflicts).as("round %d: %s", round, outcomes).isEqualTo(1);
            Application decided = applications.findWithin(applicationId, YUNXI).orElseThrow();
            var member = members.findByPersonKey(decided.personKey());
            if (decided.status() == ApplicationStatus.APPROVED) {
                assertThat(outcomes.get(0)).isInstanceOf(JoiningOutcome.Recorded.class);
                assertThat(member).isPresent();
            } else {
                assertThat(decided.status()).isEqualTo(ApplicationStatus.REJECTED);
                assertThat(outcomes.get(1)).isInstanceOf(Application.class);
                assertThat(member).as("a rejected applicant is no member").isEmpty();
            }
        }
    }

    @Test
    void anApprovalInterruptedBeforeTheMemberWasRegisteredIsFinishedByApprovingAgainWithTheRecordedDecision() {
        String applicationId = submitted(TestIdentities.citizenIdNumber());
        LocalDate lastWeek = LocalDate.now(Member.CHINA).minusDays(7);
        // step 1 only, as if the service stopped right after it
        Application application = applications.findWithin(applicationId, YUNXI).orElseThrow();
        application.approve(lastWeek, Actor.staff("first-approver"), Instant.now());
        applications.update(application, List.of());

        JoiningOutcome outcome = review.approve(applicationId, LocalDate.now(Member.CHINA), yunxiStaff);

        Application approved = ((JoiningOutcome.Recorded) outcome).application();
        assertThat(approved.status()).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(approved.approval().approvedBy().subject()).isEqualTo("first-approver");
        Member member = members.findById(approved.approval().memberId()).orElseThrow();
        assertThat(member.joinedOn()).isEqualTo(lastWeek);
        assertThat(member.history()).singleElement()
                .satisfies(change -> assertThat(change.actorSubject()).isEqualTo("first-approver"));
    }

    @Test
    void anApprovalInterruptedAfterTheMemberWasRegisteredFinishesWithThatMemberAndNoSecondActivation() {
        String idNumber = TestIdentities.citizenIdNumber();
        String applicationId = submitted(idNumber);
        Application application = applications.findWithin(applicationId, YUNXI).orElseThrow();
        application.approve(LocalDate.now(Member.CHINA), Actor.staff("first-approver"), Instant.now());
        applications.update(application, List.of());
        // step 2 done as well: the member exists, made from this application; the application is still APPROVING
        Registration registered = registration.register(new RegisterMember(yunxi.id(), "罗师傅", idNumber, null,
                null, List.of(), JoinChannel.ONLINE_APPLICATION, null, ActorKind.STAFF, "first-approver", null,
                applicationId, null, LocalDate.now(Member.CHINA)));
        String memberId = ((Registration.Activated) registered).memberId();

        JoiningOutcome outcome = review.approve(applicationId, null, yunxiStaff);

        assertThat(((JoiningOutcome.Recorded) outcome).application().approval().memberId()).isEqualTo(memberId);
        assertThat(applications.findWithin(applicationId, YUNXI).orElseThrow().status())
                .isEqualTo(ApplicationStatus.APPROVED);
        assertThat(members.findById(memberId).orElseThrow().history()).hasSize(1);
    }

    @Test
    void anApplicantWhoBecameAMemberAnotherWayMeanwhileIsReportedAndTheApplicationAwaitsADecisionAgain() {
        String idNumber = TestIdentities.citizenIdNumber();
        String applicationId = submitted(idNumber);
        registration.register(new RegisterMember(zhushan.id(), "罗师傅", idNumber, null, null, List.of(),
                JoinChannel.MOBILE_WINDOW, null, ActorKind.STAFF, "zhushan-staff", null, null, null, null));

        JoiningOutcome outcome = review.approve(applicationId, null, yunxiStaff);

        assertThat(outcome).isInstanceOf(JoiningOutcome.AlreadyMember.class);
        Application application = applications.findWithin(applicationId, YUNXI).orElseThrow();
        assertThat(application.status()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(application.approval()).isNull();
        assertThat(review.reject(applicationId, RejectionReason.DUPLICATE, null, yunxiStaff).status())
                .isEqualTo(ApplicationStatus.REJECTED);
    }

    private String submitted(String idNumber) {
        OrgPrincipal worker = new OrgPrincipal(UUID.randomUUID().toString(), "worker", null, Set.of("member"));
        JoiningOutcome outcome = submission.apply(new ApplyToJoin(yunxi.id(), null, "罗师傅", idNumber,
                TestIdentities.mobilePhone(), null, List.of("COURIER"), null, null), worker);
        return ((JoiningOutcome.Recorded) outcome).application().id();
    }

    private static OrgPrincipal staffPrincipal(String subject) {
        return new OrgPrincipal(subject, subject, YUNXI, Set.of("union-staff"));
    }

    /** Runs the calls at the same moment; each outcome is the call's result or the exception it threw. */
    private static List<Object> race(int callers, IndexedCall call) throws Exception {
        CyclicBarrier start = new CyclicBarrier(callers);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                int index = i;
                futures.add(pool.submit((Callable<Object>) () -> {
                    start.await();
                    return call.run(index);
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                try {
                    outcomes.add(future.get());
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface IndexedCall {
        Object run(int index) throws Exception;
    }
}
