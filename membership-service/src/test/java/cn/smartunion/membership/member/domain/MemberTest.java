package cn.smartunion.membership.member.domain;

import cn.smartunion.contracts.membership.ActorKind;
import cn.smartunion.contracts.membership.JoinChannel;
import cn.smartunion.contracts.membership.MemberActivated;
import cn.smartunion.contracts.membership.MemberEmploymentChanged;
import cn.smartunion.contracts.membership.MemberGroupTagsChanged;
import cn.smartunion.contracts.membership.MembershipReinstated;
import cn.smartunion.contracts.membership.MembershipRetained;
import cn.smartunion.contracts.membership.MembershipTerminated;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemberTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final OrgRef YUNXI = new OrgRef("yunxi", "420000/420300/420322");
    private static final OrgRef ZHUSHAN = new OrgRef("zhushan", "420000/420300/420323");
    /** The domain checks the shape only; the GB 32100 check digit is the application's job. */
    private static final String EMPLOYER_CODE = "91420300MA4F01230B";
    private static final Actor STAFF = Actor.staff("staff-1");
    private static final GroupTagCatalogue CATALOGUE = new GroupTagCatalogue(List.of(
            new GroupTagCatalogue.GroupTag("COURIER", "快递员"),
            new GroupTagCatalogue.GroupTag("FOOD_DELIVERY_RIDER", "网约送餐员"),
            new GroupTagCatalogue.GroupTag("NEW_FORM_WORKER", "新就业形态劳动者"),
            new GroupTagCatalogue.GroupTag("MIGRANT_WORKER", "农民工")));

    private static Person person(String key) {
        return new Person(new Sealed("enc:name", "name-key", "张*三"), new Sealed("enc:" + key, key, "4203**********123X"),
                new Sealed("enc:phone", "phone-key", "138****5678"), Gender.MALE, LocalDate.of(1990, 1, 6));
    }

    private static Admission admission(OrgRef org, List<String> tags, LocalDate effectiveOn) {
        return new Admission(person("person-1"), org,
                Employment.of("employment.", "十堰某快递公司", EMPLOYER_CODE,
                        "PLATFORM_FLEXIBLE", List.of("MEITUAN")),
                tags, new Joining(JoinChannel.MOBILE_WINDOW, "2026-warm-new", null, null), STAFF, null, effectiveOn);
    }

    private static Member activeMember() {
        return Member.register("m-1", admission(YUNXI, List.of("COURIER"), TODAY.minusDays(30)), CATALOGUE,
                NOW.minusSeconds(86_400 * 30)).member();
    }

    @Nested
    class Registering {

        @Test
        void aNewPersonBecomesAnActiveMemberAndIsAnnouncedAsAFirstJoin() {
            // when
            Member.Registered registered = Member.register("m-1",
                    admission(YUNXI, List.of("COURIER", "NEW_FORM_WORKER", "COURIER"), TODAY), CATALOGUE, NOW);

            // then
            Member member = registered.member();
            assertThat(member.status()).isEqualTo(MemberStatus.ACTIVE);
            assertThat(member.groupTags()).containsExactly("COURIER", "NEW_FORM_WORKER");
            assertThat(member.joinedOn()).isEqualTo(TODAY).isEqualTo(member.firstJoinedOn());
            assertThat(member.history()).singleElement().satisfies(change -> {
                assertThat(change.from()).isNull();
                assertThat(change.to()).isEqualTo(MemberStatus.ACTIVE);
                assertThat(change.orgPath()).isEqualTo(YUNXI.path());
                assertThat(change.actorKind()).isEqualTo(ActorKind.STAFF);
                assertThat(change.actorSubject()).isEqualTo("staff-1");
            });
            MemberActivated event = registered.event();
            assertThat(event.memberId()).isEqualTo("m-1");
            assertThat(event.orgId()).isEqualTo("yunxi");
            assertThat(event.orgPath()).isEqualTo(YUNXI.path());
            assertThat(event.firstJoin()).isTrue();
            assertThat(event.joinChannel()).isEqualTo(JoinChannel.MOBILE_WINDOW);
            assertThat(event.campaignId()).isEqualTo("2026-warm-new");
            assertThat(event.groupTags()).containsExactly("COURIER", "NEW_FORM_WORKER");
            assertThat(event.employmentForm()).isEqualTo("PLATFORM_FLEXIBLE");
            assertThat(event.actorKind()).isEqualTo(ActorKind.STAFF);
            assertThat(event.effectiveOn()).isEqualTo(TODAY);
            assertThat(event.activatedAt()).isEqualTo(NOW);
        }

        @Test
        void anUnknownGroupTagIsRefusedNamingTheField() {
            assertThatThrownBy(() -> Member.register("m-1", admission(YUNXI, List.of("COURIER", "ASTRONAUT"), TODAY),
                    CATALOGUE, NOW))
                    .isInstanceOf(MemberRuleViolation.class)
                    .hasMessageContaining("ASTRONAUT")
                    .extracting(e -> ((MemberRuleViolation) e).field()).isEqualTo("groupTags");
        }

        @Test
        void aMembershipCannotStartInTheFutureOrBeforeBirth() {
            assertThatThrownBy(() -> Member.register("m-1", admission(YUNXI, List.of(), TODAY.plusDays(1)), CATALOGUE,
                    NOW)).isInstanceOf(MemberRuleViolation.class)
                    .extracting(e -> ((MemberRuleViolation) e).field()).isEqualTo("effectiveOn");
            assertThatThrownBy(() -> Member.register("m-1", admission(YUNXI, List.of(), LocalDate.of(1989, 1, 1)),
                    CATALOGUE, NOW)).isInstanceOf(MemberRuleViolation.class)
                    .extracting(e -> ((MemberRuleViolation) e).field()).isEqualTo("effectiveOn");
        }
    }

    @Nested
    class RetainingAndReinstating {

        @Test
        void anActiveMemberWhoLeavesEmploymentIsRetainedWithTheReason() {
            // given
            Member member = activeMember();

            // when
            MembershipRetained event = member.retain(RetentionReason.LEFT_EMPLOYMENT, TODAY, STAFF, NOW);

            // then
            assertThat(member.status()).isEqualTo(MemberStatus.RETAINED);
            assertThat(event.reasonCode()).isEqualTo("LEFT_EMPLOYMENT");
            assertThat(event.since()).isEqualTo(TODAY);
            assertThat(event.orgPath()).isEqualTo(YUNXI.path());
            assertThat(member.history()).last().satisfies(change -> {
                assertThat(change.from()).isEqualTo(MemberStatus.ACTIVE);
                assertThat(change.to()).isEqualTo(MemberStatus.RETAINED);
                assertThat(change.reasonCode()).isEqualTo("LEFT_EMPLOYMENT");
                assertThat(change.effectiveOn()).isEqualTo(TODAY);
            });
        }

        @Test
        void aRetainedMemberIsReinstated() {
            // given
            Member member = activeMember();
            member.retain(RetentionReason.LEFT_EMPLOYMENT, TODAY.minusDays(10), STAFF, NOW);

            // when
            MembershipReinstated event = member.reinstate(TODAY, STAFF, NOW);

            // then
            assertThat(member.status()).isEqualTo(MemberStatus.ACTIVE);
            assertThat(event.effectiveOn()).isEqualTo(TODAY);
            assertThat(member.history()).extracting(StatusChange::to)
                    .containsExactly(MemberStatus.ACTIVE, MemberStatus.RETAINED, MemberStatus.ACTIVE);
        }

        @Test
        void retainingTwiceOrReinstatingAnActiveMemberIsAnIllegalTransition() {
            Member member = activeMember();
            assertThatThrownBy(() -> member.reinstate(TODAY, STAFF, NOW)).isInstanceOf(IllegalMemberTransition.class);

            member.retain(RetentionReason.RETIRED, TODAY, STAFF, NOW);
            assertThatThrownBy(() -> member.retain(RetentionReason.RETIRED, TODAY, STAFF, NOW))
                    .isInstanceOf(IllegalMemberTransition.class)
                    .extracting(e -> ((IllegalMemberTransition) e).from()).isEqualTo(MemberStatus.RETAINED);
        }

        @Test
        void aReinstatementCannotPrecedeTheRetention() {
            Member member = activeMember();
            member.retain(RetentionReason.RETIRED, TODAY, STAFF, NOW);

            assertThatThrownBy(() -> member.reinstate(TODAY.minusDays(1), STAFF, NOW))
                    .isInstanceOf(MemberRuleViolation.class)
                    .extracting(e -> ((MemberRuleViolation) e).field()).isEqualTo("effectiveOn");
        }

        @Test
        void aReasonIsRequired() {
            assertThatThrownBy(() -> activeMember().retain(null, TODAY, STAFF, NOW))
                    .isInstanceOf(MemberRuleViolation.class)
                    .extracting(e -> ((MemberRuleViolation) e).field()).isEqualTo("reasonCode");
        }
    }

    @Nested
    class Terminating {

        @Test
        void anActiveOrRetainedMembershipEndsWithTheReason() {
            // given
            Member member = activeMember();
            member.retain(RetentionReason.RETIRED, TODAY.minusDays(5), STAFF, NOW);

            // when
            MembershipTerminated event = member.terminate(TerminationReason.DECEASED, TODAY, STAFF, NOW);

            // then
            assertThat(member.status()).isEqualTo(MemberStatus.TERMINATED);
            assertThat(event.reasonCode()).isEqualTo("DECEASED");
            assertThat(event.effectiveOn()).isEqualTo(TODAY);
        }

        @Test
        void aTerminatedMemberCannotBeRetainedReinstatedTerminatedOrRetagged() {
            Member member = activeMember();
            member.terminate(TerminationReason.VOLUNTARY_EXIT, TODAY, STAFF, NOW);

            assertThatThrownBy(() -> member.retain(RetentionReason.OTHER, TODAY, STAFF, NOW))
                    .isInstanceOf(IllegalMemberTransition.class);
            assertThatThrownBy(() -> member.reinstate(TODAY, STAFF, NOW)).isInstanceOf(IllegalMemberTransition.class);
            assertThatThrownBy(() -> member.terminate(TerminationReason.OTHER, TODAY, STAFF, NOW))
                    .isInstanceOf(IllegalMemberTransition.class);
            assertThatThrownBy(() -> member.changeGroupTags(List.of("COURIER"), CATALOGUE, NOW))
                    .isInstanceOf(IllegalMemberTransition.class);
            assertThatThrownBy(() -> member.changeEmployment(null, NOW)).isInstanceOf(IllegalMemberTransition.class);
        }
    }

    @Nested
    class JoiningAgain {

        @Test
        void aFormerMemberWhoJoinsAgainGetsTheSameRecordBackAsARejoin() {
            // given a member of Yunxi who left
            Member member = activeMember();
            member.terminate(TerminationReason.VOLUNTARY_EXIT, TODAY.minusDays(10), STAFF, NOW);

            // when the person joins in Zhushan through a QR code
            Admission again = new Admission(person("person-1"), ZHUSHAN, null, List.of("MIGRANT_WORKER"),
                    new Joining(JoinChannel.QR_CODE, null, "app-7", null), new Actor(ActorKind.MEMBER, "kc-user-9"),
                    "kc-user-9", TODAY);
            MemberActivated event = member.rejoin(again, CATALOGUE, NOW);

            // then
            assertThat(member.id()).isEqualTo("m-1");
            assertThat(member.status()).isEqualTo(MemberStatus.ACTIVE);
            assertThat(member.org()).isEqualTo(ZHUSHAN);
            assertThat(member.joinedOn()).isEqualTo(TODAY);
            assertThat(member.firstJoinedOn()).isEqualTo(TODAY.minusDays(30));
            assertThat(member.employment()).isNull();
            assertThat(member.accountSubject()).isEqualTo("kc-user-9");
            assertThat(member.history()).extracting(StatusChange::to)
                    .containsExactly(MemberStatus.ACTIVE, MemberStatus.TERMINATED, MemberStatus.ACTIVE);
            assertThat(event.firstJoin()).isFalse();
            assertThat(event.memberId()).isEqualTo("m-1");
            assertThat(event.orgId()).isEqualTo("zhushan");
            assertThat(event.applicationId()).isEqualTo("app-7");
            assertThat(event.actorKind()).isEqualTo(ActorKind.MEMBER);
            assertThat(event.employmentForm()).isNull();
        }

        @Test
        void someoneWhoIsStillAMemberCannotJoinAgain() {
            Member member = activeMember();
            assertThatThrownBy(() -> member.rejoin(admission(ZHUSHAN, List.of(), TODAY), CATALOGUE, NOW))
                    .isInstanceOf(IllegalMemberTransition.class);
        }
    }

    @Nested
    class GroupTagsAndEmployment {

        @Test
        void changingTheTagsAnnouncesWhatWasAddedAndRemoved() {
            // given
            Member member = activeMember();

            // when
            MemberGroupTagsChanged event = member.changeGroupTags(List.of("FOOD_DELIVERY_RIDER", "MIGRANT_WORKER"),
                    CATALOGUE, NOW).orElseThrow();

            // then
            assertThat(event.added()).containsExactly("FOOD_DELIVERY_RIDER", "MIGRANT_WORKER");
            assertThat(event.removed()).containsExactly("COURIER");
            assertThat(event.groupTags()).containsExactly("FOOD_DELIVERY_RIDER", "MIGRANT_WORKER");
            assertThat(member.groupTags()).containsExactly("FOOD_DELIVERY_RIDER", "MIGRANT_WORKER");
        }

        @Test
        void theSameTagsInAnotherOrderChangeNothing() {
            Member member = activeMember();
            member.changeGroupTags(List.of("COURIER", "MIGRANT_WORKER"), CATALOGUE, NOW);

            assertThat(member.changeGroupTags(List.of("MIGRANT_WORKER", "COURIER"), CATALOGUE, NOW)).isEmpty();
        }

        @Test
        void aTagTheInstallationNoLongerOffersStaysOnTheMemberButCannotBeAddedAnew() {
            // given a member tagged COURIER, and a catalogue that dropped it
            Member member = activeMember();
            GroupTagCatalogue reduced = new GroupTagCatalogue(List.of(
                    new GroupTagCatalogue.GroupTag("MIGRANT_WORKER", "农民工")));

            // when / then
            assertThat(member.changeGroupTags(List.of("COURIER", "MIGRANT_WORKER"), reduced, NOW)).isPresent();
            Member other = Member.register("m-2", admission(YUNXI, List.of(), TODAY), CATALOGUE, NOW).member();
            assertThatThrownBy(() -> other.changeGroupTags(List.of("COURIER"), reduced, NOW))
                    .isInstanceOf(MemberRuleViolation.class);
        }

        @Test
        void changingEmploymentAnnouncesTheEmployerCodeFormAndPlatformsButNoName() {
            Member member = activeMember();
            Employment dispatched = Employment.of("", "十堰某劳务派遣公司", "91420300MA4F0123AB",
                    "DISPATCHED", List.of());

            MemberEmploymentChanged event = member.changeEmployment(dispatched, NOW).orElseThrow();

            assertThat(event.employerCreditCode()).isEqualTo(dispatched.employerCreditCode());
            assertThat(event.employmentForm()).isEqualTo("DISPATCHED");
            assertThat(event.platforms()).isEmpty();
            assertThat(member.changeEmployment(dispatched, NOW)).isEmpty();
            assertThat(member.changeEmployment(null, NOW)).get()
                    .satisfies(cleared -> assertThat(cleared.employmentForm()).isNull());
        }

        @Test
        void employmentInputIsCheckedFieldByField() {
            assertThatThrownBy(() -> Employment.of("employment.", null, null, "GIG", List.of()))
                    .extracting(e -> ((MemberRuleViolation) e).field()).isEqualTo("employment.employmentForm");
            assertThatThrownBy(() -> Employment.of("employment.", null, "not-a-code", "OTHER", List.of()))
                    .extracting(e -> ((MemberRuleViolation) e).field()).isEqualTo("employment.employerCreditCode");
            assertThatThrownBy(() -> Employment.of("employment.", null, null, "OTHER", List.of("meituan")))
                    .extracting(e -> ((MemberRuleViolation) e).field()).isEqualTo("employment.platforms");
        }
    }

    @Nested
    class Account {

        @Test
        void anAccountIsLinkedOnceAndAnotherAccountIsRefused() {
            Member member = activeMember();

            assertThat(member.linkAccount("kc-1", NOW)).get()
                    .satisfies(linked -> assertThat(linked.accountSubject()).isEqualTo("kc-1"))
                    .satisfies(linked -> assertThat(linked.memberId()).isEqualTo(member.id()));
            assertThat(member.linkAccount("kc-1", NOW)).isEmpty();
            assertThatThrownBy(() -> member.linkAccount("kc-2", NOW)).isInstanceOf(Member.AccountAlreadyLinked.class);
            assertThat(member.accountSubject()).isEqualTo("kc-1");
        }
    }
}
