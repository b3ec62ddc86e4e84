package cn.smartunion.membership.joining.domain;

import cn.smartunion.contracts.membership.ActorKind;
import cn.smartunion.contracts.membership.JoinChannel;
import cn.smartunion.contracts.membership.MembershipApplicationRejected;
import cn.smartunion.contracts.membership.MembershipApplicationSubmitted;
import cn.smartunion.contracts.membership.MembershipApplicationWithdrawn;
import cn.smartunion.membership.member.domain.Actor;
import cn.smartunion.membership.member.domain.Employment;
import cn.smartunion.membership.member.domain.Gender;
import cn.smartunion.membership.member.domain.GroupTagCatalogue;
import cn.smartunion.membership.member.domain.MemberRuleViolation;
import cn.smartunion.membership.member.domain.OrgRef;
import cn.smartunion.membership.member.domain.Person;
import cn.smartunion.membership.member.domain.Sealed;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApplicationTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final OrgRef YUNXI = new OrgRef("yunxi", "420000/420300/420322");
    private static final Actor WORKER = new Actor(ActorKind.MEMBER, "account-1");
    private static final Actor STAFF = Actor.staff("staff-1");
    private static final GroupTagCatalogue CATALOGUE = new GroupTagCatalogue(List.of(
            new GroupTagCatalogue.GroupTag("TRUCK_DRIVER", "货车司机"),
            new GroupTagCatalogue.GroupTag("FOOD_DELIVERY_RIDER", "网约送餐员"),
            new GroupTagCatalogue.GroupTag("NEW_FORM_WORKER", "新就业形态劳动者")));

    private static Person applicant() {
        return new Person(new Sealed("enc:name", "name-key", "张*三"),
                new Sealed("enc:id", "person-1", "4203**********123X"),
                new Sealed("enc:phone", "phone-key", "139****5678"), Gender.MALE, LocalDate.of(1990, 1, 6));
    }

    private static ApplicationForm form(JoinChannel channel, String campaignId, Actor by) {
        return new ApplicationForm(applicant(), YUNXI,
                Employment.of("employment.", "十堰某物流公司", null, "PLATFORM_FLEXIBLE", List.of("HUOLALA")),
                List.of("TRUCK_DRIVER", "NEW_FORM_WORKER", "TRUCK_DRIVER"), channel, campaignId, by);
    }

    private static Application submitted(Actor by) {
        JoinChannel channel = by.kind() == ActorKind.MEMBER ? JoinChannel.ONLINE_APPLICATION : JoinChannel.MOBILE_WINDOW;
        return Application.submit("a-1", form(channel, null, by), CATALOGUE, NOW.minusSeconds(3600)).application();
    }

    @Nested
    class Submitting {

        @Test
        void aWorkersOwnApplicationIsOpenLinkedToTheirAccountAndAnnouncedWithoutPersonalData() {
            // when
            Application.Submitted submitted = Application.submit("a-1",
                    form(JoinChannel.TRUCK_DRIVER_ONLINE_PILOT, "truck-2026", WORKER), CATALOGUE, NOW);

            // then
            Application application = submitted.application();
            assertThat(application.status()).isEqualTo(ApplicationStatus.SUBMITTED);
            assertThat(application.status().isOpen()).isTrue();
            assertThat(application.accountSubject()).isEqualTo("account-1");
            assertThat(application.personKey()).isEqualTo("person-1");
            assertThat(application.groupTags()).containsExactly("TRUCK_DRIVER", "NEW_FORM_WORKER");
            assertThat(application.joining().applicationId()).isEqualTo("a-1");
            MembershipApplicationSubmitted event = submitted.event();
            assertThat(event.applicationId()).isEqualTo("a-1");
            assertThat(event.orgId()).isEqualTo("yunxi");
            assertThat(event.orgPath()).isEqualTo(YUNXI.path());
            assertThat(event.joinChannel()).isEqualTo(JoinChannel.TRUCK_DRIVER_ONLINE_PILOT);
            assertThat(event.campaignId()).isEqualTo("truck-2026");
            assertThat(event.groupTags()).containsExactly("TRUCK_DRIVER", "NEW_FORM_WORKER");
            assertThat(event.actorKind()).isEqualTo(ActorKind.MEMBER);
            assertThat(event.submittedAt()).isEqualTo(NOW);
            assertThat(event.toString()).doesNotContain("enc:").doesNotContain("person-1").doesNotContain("张");
        }

        @Test
        void staffEnteringItForAWorkerAreRecordedAsSubmitterAndNoAccountIsLinked() {
            // when
            Application application = Application.submit("a-1", form(JoinChannel.MOBILE_WINDOW, null, STAFF),
                    CATALOGUE, NOW).application();

            // then
            assertThat(application.submittedBy()).isEqualTo(STAFF);
            assertThat(application.accountSubject()).isNull();
        }

        @ParameterizedTest
        @EnumSource(JoinChannel.class)
        void everyChannelIsAcceptedWhereItMakesSenseAndRefusedNamingJoinChannelElsewhere(JoinChannel channel) {
            for (Actor by : List.of(WORKER, STAFF)) {
                boolean allowed = (by == WORKER ? JoinChannels.SELF_SERVICE : JoinChannels.ON_BEHALF).contains(channel);
                if (allowed) {
                    assertThat(Application.submit("a-1", form(channel, "c-1", by), CATALOGUE, NOW).event().joinChannel())
                            .isEqualTo(channel);
                } else {
                    assertThatThrownBy(() -> Application.submit("a-1", form(channel, "c-1", by), CATALOGUE, NOW))
                            .isInstanceOfSatisfying(MemberRuleViolation.class,
                                    v -> assertThat(v.field()).isEqualTo("joinChannel"));
                }
            }
        }

        @Test
        void collectiveRegistrationIsNeverAnApplicationAndEveryOtherChannelIsOneOfSomeone() {
            assertThat(JoinChannels.SELF_SERVICE).doesNotContain(JoinChannel.COLLECTIVE_REGISTRATION);
            assertThat(JoinChannels.ON_BEHALF).doesNotContain(JoinChannel.COLLECTIVE_REGISTRATION);
            for (JoinChannel channel : JoinChannel.values()) {
                if (channel != JoinChannel.COLLECTIVE_REGISTRATION) {
                    assertThat(JoinChannels.SELF_SERVICE.contains(channel) || JoinChannels.ON_BEHALF.contains(channel))
                            .as(channel.name()).isTrue();
                }
            }
            assertThatThrownBy(() -> Application.submit("a-1", form(JoinChannel.COLLECTIVE_REGISTRATION, null, STAFF),
                    CATALOGUE, NOW)).hasMessageContaining("collective enrolment");
        }

        @Test
        void campaignAndProjectChannelsNeedTheCampaignTheyCountFor() {
            assertThatThrownBy(() -> Application.submit("a-1", form(JoinChannel.PROJECT_BASED, null, WORKER),
                    CATALOGUE, NOW)).isInstanceOfSatisfying(MemberRuleViolation.class,
                    v -> assertThat(v.field()).isEqualTo("campaignId"));
            assertThatThrownBy(() -> Application.submit("a-1", form(JoinChannel.CONCENTRATED_CAMPAIGN, " ", STAFF),
                    CATALOGUE, NOW)).isInstanceOfSatisfying(MemberRuleViolation.class,
                    v -> assertThat(v.field()).isEqualTo("campaignId"));
            assertThatThrownBy(() -> Application.submit("a-1", form(JoinChannel.ONLINE_APPLICATION, "no spaces", WORKER),
                    CATALOGUE, NOW)).isInstanceOfSatisfying(MemberRuleViolation.class,
                    v -> assertThat(v.field()).isEqualTo("campaignId"));
        }

        @Test
        void groupTagsMustBeConfiguredOnes() {
            ApplicationForm astronaut = new ApplicationForm(applicant(), YUNXI, null, List.of("ASTRONAUT"),
                    JoinChannel.ONLINE_APPLICATION, null, WORKER);
            assertThatThrownBy(() -> Application.submit("a-1", astronaut, CATALOGUE, NOW))
                    .isInstanceOfSatisfying(MemberRuleViolation.class, v -> assertThat(v.field()).isEqualTo("groupTags"));
        }
    }

    @Nested
    class Approving {

        @Test
        void anApprovalIsInProgressUntilTheMemberIsRegisteredAndThenNamesIt() {
            // given
            Application application = submitted(WORKER);

            // when
            application.approve(TODAY, STAFF, NOW);

            // then
            assertThat(application.status()).isEqualTo(ApplicationStatus.APPROVING);
            assertThat(application.status().isOpen()).isTrue();
            assertThat(application.approval().approvedBy()).isEqualTo(STAFF);
            assertThat(application.approval().effectiveOn()).isEqualTo(TODAY);
            assertThat(application.approval().memberId()).isNull();

            // when
            application.registered("m-1");

            // then
            assertThat(application.status()).isEqualTo(ApplicationStatus.APPROVED);
            assertThat(application.status().isOpen()).isFalse();
            assertThat(application.approval().memberId()).isEqualTo("m-1");
            assertThat(application.approval().approvedBy()).isEqualTo(STAFF);
        }

        @Test
        void theStaffMemberWhoEnteredItMayApproveItAndBothAreRecorded() {
            // given
            Application application = submitted(STAFF);

            // when
            application.approve(TODAY, STAFF, NOW);
            application.registered("m-1");

            // then
            assertThat(application.submittedBy()).isEqualTo(STAFF);
            assertThat(application.approval().approvedBy()).isEqualTo(STAFF);
        }

        @Test
        void aRefusedRegistrationPutsTheApplicationBackForReview() {
            // given
            Application application = submitted(WORKER);
            application.approve(TODAY, STAFF, NOW);

            // when
            application.approvalFailed();

            // then
            assertThat(application.status()).isEqualTo(ApplicationStatus.SUBMITTED);
            assertThat(application.approval()).isNull();
        }

        @Test
        void theEffectiveDateIsRequiredNotInTheFutureAndNotBeforeTheBirthDate() {
            Application application = submitted(WORKER);
            for (LocalDate invalid : new LocalDate[]{null, TODAY.plusDays(1), LocalDate.of(1990, 1, 5)}) {
                assertThatThrownBy(() -> application.approve(invalid, STAFF, NOW))
                        .isInstanceOfSatisfying(MemberRuleViolation.class,
                                v -> assertThat(v.field()).isEqualTo("effectiveOn"));
            }
            assertThat(application.status()).isEqualTo(ApplicationStatus.SUBMITTED);
            application.approve(LocalDate.of(1990, 1, 6), STAFF, NOW);
            assertThat(application.status()).isEqualTo(ApplicationStatus.APPROVING);
        }

        @Test
        void onlyStaffDecideAndAnApplicationIsDecidedOnce() {
            Application application = submitted(WORKER);
            assertThatThrownBy(() -> application.approve(TODAY, WORKER, NOW)).isInstanceOf(IllegalArgumentException.class);
            application.approve(TODAY, STAFF, NOW);
            assertThatThrownBy(() -> application.approve(TODAY, STAFF, NOW))
                    .isInstanceOfSatisfying(IllegalApplicationTransition.class,
                            t -> assertThat(t.from()).isEqualTo(ApplicationStatus.APPROVING));
            assertThatThrownBy(() -> application.reject(RejectionReason.NOT_ELIGIBLE, null, STAFF, NOW))
                    .isInstanceOf(IllegalApplicationTransition.class);
            assertThatThrownBy(() -> application.withdraw(WORKER, NOW)).isInstanceOf(IllegalApplicationTransition.class);
        }
    }

    @Nested
    class Rejecting {

        @Test
        void aRejectionClosesTheApplicationAndAnnouncesOnlyTheReasonCode() {
            // given
            Application application = submitted(WORKER);

            // when
            MembershipApplicationRejected event = application.reject(RejectionReason.WRONG_UNION,
                    "请向用人单位工会申请（张三 13912345678）", STAFF, NOW);

            // then
            assertThat(application.status()).isEqualTo(ApplicationStatus.REJECTED);
            assertThat(application.rejection().reason()).isEqualTo(RejectionReason.WRONG_UNION);
            assertThat(application.rejection().note()).startsWith("请向用人单位工会申请");
            assertThat(application.rejection().rejectedBy()).isEqualTo(STAFF);
            assertThat(event.applicationId()).isEqualTo("a-1");
            assertThat(event.orgPath()).isEqualTo(YUNXI.path());
            assertThat(event.reasonCode()).isEqualTo("WRONG_UNION");
            assertThat(event.rejectedAt()).isEqualTo(NOW);
            assertThat(event.toString()).doesNotContain("13912345678").doesNotContain("张三");
        }

        @Test
        void theReasonIsRequiredAndOtherNeedsANote() {
            Application application = submitted(WORKER);
            assertThatThrownBy(() -> application.reject(null, null, STAFF, NOW))
                    .isInstanceOfSatisfying(MemberRuleViolation.class, v -> assertThat(v.field()).isEqualTo("reasonCode"));
            assertThatThrownBy(() -> application.reject(RejectionReason.OTHER, "  ", STAFF, NOW))
                    .isInstanceOfSatisfying(MemberRuleViolation.class, v -> assertThat(v.field()).isEqualTo("note"));
            assertThatThrownBy(() -> application.reject(RejectionReason.OTHER, "x".repeat(501), STAFF, NOW))
                    .isInstanceOfSatisfying(MemberRuleViolation.class, v -> assertThat(v.field()).isEqualTo("note"));
            assertThat(application.status()).isEqualTo(ApplicationStatus.SUBMITTED);
            application.reject(RejectionReason.OTHER, "材料不清晰", STAFF, NOW);
            assertThat(application.status()).isEqualTo(ApplicationStatus.REJECTED);
        }

        @Test
        void aRejectedApplicationCannotBeApprovedOrWithdrawn() {
            Application application = submitted(WORKER);
            application.reject(RejectionReason.NOT_ELIGIBLE, null, STAFF, NOW);
            assertThatThrownBy(() -> application.approve(TODAY, STAFF, NOW))
                    .isInstanceOfSatisfying(IllegalApplicationTransition.class,
                            t -> assertThat(t.from()).isEqualTo(ApplicationStatus.REJECTED));
            assertThatThrownBy(() -> application.withdraw(WORKER, NOW)).isInstanceOf(IllegalApplicationTransition.class);
        }
    }

    @Nested
    class Withdrawing {

        @Test
        void theApplicantWithdrawsTheirOpenApplication() {
            // given
            Application application = submitted(WORKER);

            // when
            MembershipApplicationWithdrawn event = application.withdraw(WORKER, NOW);

            // then
            assertThat(application.status()).isEqualTo(ApplicationStatus.WITHDRAWN);
            assertThat(application.withdrawnAt()).isEqualTo(NOW);
            assertThat(event.applicationId()).isEqualTo("a-1");
            assertThat(event.actorKind()).isEqualTo(ActorKind.MEMBER);
            assertThat(event.withdrawnAt()).isEqualTo(NOW);
        }

        @Test
        void nobodyElseWithdrawsIt() {
            Application application = submitted(WORKER);
            assertThatThrownBy(() -> application.withdraw(new Actor(ActorKind.MEMBER, "account-2"), NOW))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> application.withdraw(STAFF, NOW)).isInstanceOf(IllegalArgumentException.class);
            Application enteredByStaff = submitted(STAFF);
            assertThatThrownBy(() -> enteredByStaff.withdraw(WORKER, NOW)).isInstanceOf(IllegalArgumentException.class);
            assertThat(application.status()).isEqualTo(ApplicationStatus.SUBMITTED);
        }
    }
}
