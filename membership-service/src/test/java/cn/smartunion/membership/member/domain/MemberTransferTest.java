package cn.smartunion.membership.member.domain;

import cn.smartunion.contracts.membership.ActorKind;
import cn.smartunion.contracts.membership.JoinChannel;
import cn.smartunion.contracts.membership.MemberTransferClosed;
import cn.smartunion.contracts.membership.MemberTransferRequested;
import cn.smartunion.contracts.membership.MemberTransferred;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Transfers (转会/接转) of the member aggregate: request, accept, decline, withdraw, expire. */
class MemberTransferTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final Duration THIRTY_DAYS = Duration.ofDays(30);
    private static final OrgRef YUNXI = new OrgRef("yunxi", "420000/420300/420322");
    private static final UnionOrgs.UnionOrg ZENGDU =
            new UnionOrgs.UnionOrg("zengdu", "420000/421300/421303", "曾都区总工会", false);
    private static final UnionOrgs.UnionOrg CHENGDU =
            new UnionOrgs.UnionOrg("chengdu", "510000/510100", "成都市总工会", false);
    private static final Actor YUNXI_STAFF = Actor.staff("yunxi-staff");
    private static final Actor SUIZHOU_STAFF = Actor.staff("suizhou-staff");
    private static final Actor THE_MEMBER = new Actor(ActorKind.MEMBER, "kc-member");
    private static final GroupTagCatalogue CATALOGUE = new GroupTagCatalogue(List.of(
            new GroupTagCatalogue.GroupTag("MIGRANT_WORKER", "农民工")));

    private static Member activeMember() {
        Person person = new Person(new Sealed("enc:name", "name-key", "张*三"),
                new Sealed("enc:id", "person-1", "4203**********123X"), null, Gender.MALE, LocalDate.of(1990, 1, 6));
        Admission admission = new Admission(person, YUNXI, null, List.of("MIGRANT_WORKER"),
                new Joining(JoinChannel.AT_ORIGIN, null, null, null), YUNXI_STAFF, "kc-member", TODAY.minusDays(90));
        return Member.register("m-1", admission, CATALOGUE, NOW.minus(Duration.ofDays(90))).member();
    }

    private static Member pendingMember(Actor requester) {
        Member member = activeMember();
        member.requestTransfer("t-1", ZENGDU, TransferReason.RELOCATED_FOR_WORK, requester, THIRTY_DAYS, NOW);
        return member;
    }

    @Nested
    class Requesting {

        @Test
        void anActiveMemberAsksToMoveAndWaitsInTheOriginUnion() {
            // given
            Member member = activeMember();

            // when
            MemberTransferRequested event = member.requestTransfer("t-1", ZENGDU, TransferReason.RELOCATED_FOR_WORK,
                    YUNXI_STAFF, THIRTY_DAYS, NOW);

            // then
            assertThat(member.status()).isEqualTo(MemberStatus.TRANSFER_PENDING);
            assertThat(member.org()).isEqualTo(YUNXI);
            assertThat(member.pendingTransfer()).get().satisfies(transfer -> {
                assertThat(transfer.id()).isEqualTo("t-1");
                assertThat(transfer.from()).isEqualTo(YUNXI);
                assertThat(transfer.to()).isEqualTo(ZENGDU.ref());
                assertThat(transfer.requestedBy()).isEqualTo(YUNXI_STAFF);
                assertThat(transfer.status()).isEqualTo(TransferStatus.PENDING);
                assertThat(transfer.expiresAt()).isEqualTo(NOW.plus(THIRTY_DAYS));
            });
            assertThat(event.memberId()).isEqualTo("m-1");
            assertThat(event.transferId()).isEqualTo("t-1");
            assertThat(event.fromOrgId()).isEqualTo("yunxi");
            assertThat(event.fromOrgPath()).isEqualTo(YUNXI.path());
            assertThat(event.toOrgId()).isEqualTo("zengdu");
            assertThat(event.toOrgPath()).isEqualTo(ZENGDU.path());
            assertThat(event.crossProvince()).isFalse();
            assertThat(event.requestedBy()).isEqualTo(ActorKind.STAFF);
            assertThat(event.reasonCode()).isEqualTo("RELOCATED_FOR_WORK");
            assertThat(event.expiresAt()).isEqualTo(NOW.plus(THIRTY_DAYS));
            assertThat(event.requestedAt()).isEqualTo(NOW);
            assertThat(member.history()).last().satisfies(change -> {
                assertThat(change.from()).isEqualTo(MemberStatus.ACTIVE);
                assertThat(change.to()).isEqualTo(MemberStatus.TRANSFER_PENDING);
                assertThat(change.orgId()).isEqualTo("yunxi");
                assertThat(change.reasonCode()).isEqualTo("RELOCATED_FOR_WORK");
                assertThat(change.transferId()).isEqualTo("t-1");
                assertThat(change.effectiveOn()).isEqualTo(TODAY);
            });
        }

        @Test
        void aTransferIntoAnotherProvincesTreeIsCrossProvince() {
            MemberTransferRequested event = activeMember().requestTransfer("t-1", CHENGDU,
                    TransferReason.RELOCATED_FOR_WORK, THE_MEMBER, THIRTY_DAYS, NOW);

            assertThat(event.crossProvince()).isTrue();
            assertThat(event.requestedBy()).isEqualTo(ActorKind.MEMBER);
        }

        @Test
        void oneTransferAtATime() {
            Member member = pendingMember(YUNXI_STAFF);

            assertThatThrownBy(() -> member.requestTransfer("t-2", CHENGDU, TransferReason.OTHER, YUNXI_STAFF,
                    THIRTY_DAYS, NOW))
                    .isInstanceOf(IllegalMemberTransition.class)
                    .extracting(e -> ((IllegalMemberTransition) e).from()).isEqualTo(MemberStatus.TRANSFER_PENDING);
        }

        @Test
        void aRetainedOrTerminatedMemberIsNotTransferred() {
            // a retained member is reinstated first, so the destination always receives an active member
            Member retained = activeMember();
            retained.retain(RetentionReason.LEFT_EMPLOYMENT, TODAY, YUNXI_STAFF, NOW);
            assertThatThrownBy(() -> retained.requestTransfer("t-1", ZENGDU, TransferReason.RELOCATED_FOR_WORK,
                    YUNXI_STAFF, THIRTY_DAYS, NOW))
                    .isInstanceOf(IllegalMemberTransition.class)
                    .extracting(e -> ((IllegalMemberTransition) e).from()).isEqualTo(MemberStatus.RETAINED);

            Member terminated = activeMember();
            terminated.terminate(TerminationReason.VOLUNTARY_EXIT, TODAY, YUNXI_STAFF, NOW);
            assertThatThrownBy(() -> terminated.requestTransfer("t-1", ZENGDU, TransferReason.RELOCATED_FOR_WORK,
                    YUNXI_STAFF, THIRTY_DAYS, NOW)).isInstanceOf(IllegalMemberTransition.class);
        }

        @Test
        void theDestinationMustExistBeAnotherUnionAndNotBeDissolved() {
            Member member = activeMember();
            var sameUnion = new UnionOrgs.UnionOrg("yunxi", YUNXI.path(), "郧西县总工会", false);
            var dissolved = new UnionOrgs.UnionOrg("closed", "420000/421300/421399", "已撤销工会", true);

            for (UnionOrgs.UnionOrg destination : new UnionOrgs.UnionOrg[]{null, sameUnion, dissolved}) {
                assertThatThrownBy(() -> member.requestTransfer("t-1", destination, TransferReason.OTHER,
                        YUNXI_STAFF, THIRTY_DAYS, NOW))
                        .isInstanceOf(MemberRuleViolation.class)
                        .extracting(e -> ((MemberRuleViolation) e).field()).isEqualTo("toOrgId");
            }
            assertThatThrownBy(() -> member.requestTransfer("t-1", ZENGDU, null, YUNXI_STAFF, THIRTY_DAYS, NOW))
                    .isInstanceOf(MemberRuleViolation.class)
                    .extracting(e -> ((MemberRuleViolation) e).field()).isEqualTo("reasonCode");
            assertThat(member.status()).isEqualTo(MemberStatus.ACTIVE);
            assertThat(member.pendingTransfer()).isEmpty();
        }

        @Test
        void whilePendingTheMemberIsNeitherRetainedNorTerminated() {
            Member member = pendingMember(YUNXI_STAFF);

            assertThatThrownBy(() -> member.retain(RetentionReason.RETIRED, TODAY, YUNXI_STAFF, NOW))
                    .isInstanceOf(IllegalMemberTransition.class);
            assertThatThrownBy(() -> member.terminate(TerminationReason.VOLUNTARY_EXIT, TODAY, YUNXI_STAFF, NOW))
                    .isInstanceOf(IllegalMemberTransition.class);
        }
    }

    @Nested
    class Accepting {

        @Test
        void theMemberBecomesActiveInTheDestinationAndTheHistoryKeepsBothUnions() {
            // given
            Member member = pendingMember(YUNXI_STAFF);
            Instant later = NOW.plus(Duration.ofDays(3));

            // when
            MemberTransferred event = member.acceptTransfer("t-1", ZENGDU, TODAY.plusDays(2), SUIZHOU_STAFF, later);

            // then
            assertThat(member.status()).isEqualTo(MemberStatus.ACTIVE);
            assertThat(member.org()).isEqualTo(ZENGDU.ref());
            assertThat(member.joinedOn()).isEqualTo(TODAY.minusDays(90));
            assertThat(member.pendingTransfer()).isEmpty();
            assertThat(member.transfers()).singleElement().satisfies(transfer -> {
                assertThat(transfer.status()).isEqualTo(TransferStatus.ACCEPTED);
                assertThat(transfer.closedBy()).isEqualTo(SUIZHOU_STAFF);
                assertThat(transfer.effectiveOn()).isEqualTo(TODAY.plusDays(2));
            });
            assertThat(member.history()).extracting(StatusChange::orgId).containsExactly("yunxi", "yunxi", "zengdu");
            assertThat(member.history()).extracting(StatusChange::to).containsExactly(MemberStatus.ACTIVE,
                    MemberStatus.TRANSFER_PENDING, MemberStatus.ACTIVE);
            assertThat(member.history()).last().satisfies(change -> {
                assertThat(change.orgPath()).isEqualTo(ZENGDU.path());
                assertThat(change.actorSubject()).isEqualTo("suizhou-staff");
                assertThat(change.transferId()).isEqualTo("t-1");
                assertThat(change.effectiveOn()).isEqualTo(TODAY.plusDays(2));
            });
            assertThat(event).isEqualTo(new MemberTransferred("m-1", "t-1", "yunxi", YUNXI.path(), "zengdu",
                    ZENGDU.path(), false, "RELOCATED_FOR_WORK", TODAY.plusDays(2), later));
        }

        @Test
        void theDestinationsCurrentPathIsUsedWhenTheUnionMovedMeanwhile() {
            Member member = pendingMember(YUNXI_STAFF);
            var moved = new UnionOrgs.UnionOrg("zengdu", "420000/421300/421300-1/421303", "曾都区总工会", false);

            MemberTransferred event = member.acceptTransfer("t-1", moved, TODAY, SUIZHOU_STAFF, NOW);

            assertThat(event.toOrgPath()).isEqualTo(moved.path());
            assertThat(member.org().path()).isEqualTo(moved.path());
        }

        @Test
        void theEffectiveDateIsNeitherBeforeTheRequestNorInTheFuture() {
            Member member = pendingMember(YUNXI_STAFF);

            for (LocalDate wrong : List.of(TODAY.minusDays(1), TODAY.plusDays(1))) {
                assertThatThrownBy(() -> member.acceptTransfer("t-1", ZENGDU, wrong, SUIZHOU_STAFF, NOW))
                        .isInstanceOf(MemberRuleViolation.class)
                        .extracting(e -> ((MemberRuleViolation) e).field()).isEqualTo("effectiveOn");
            }
            assertThat(member.status()).isEqualTo(MemberStatus.TRANSFER_PENDING);
        }

        @Test
        void aDestinationDissolvedMeanwhileCannotAcceptAndTheTransferStaysPending() {
            Member member = pendingMember(YUNXI_STAFF);
            var dissolved = new UnionOrgs.UnionOrg("zengdu", ZENGDU.path(), "曾都区总工会", true);

            assertThatThrownBy(() -> member.acceptTransfer("t-1", dissolved, TODAY, SUIZHOU_STAFF, NOW))
                    .isInstanceOf(TransferDestinationGone.class);
            assertThatThrownBy(() -> member.acceptTransfer("t-1", null, TODAY, SUIZHOU_STAFF, NOW))
                    .isInstanceOf(TransferDestinationGone.class);
            assertThat(member.status()).isEqualTo(MemberStatus.TRANSFER_PENDING);
            assertThat(member.declineTransfer("t-1", TransferDeclineReason.OTHER, SUIZHOU_STAFF, NOW)).isNotNull();
        }

        @Test
        void aClosedTransferCannotBeDecidedAgain() {
            Member member = pendingMember(YUNXI_STAFF);
            member.acceptTransfer("t-1", ZENGDU, TODAY, SUIZHOU_STAFF, NOW);

            assertThatThrownBy(() -> member.declineTransfer("t-1", TransferDeclineReason.OTHER, SUIZHOU_STAFF, NOW))
                    .isInstanceOf(TransferNotOpen.class)
                    .extracting(e -> ((TransferNotOpen) e).status()).isEqualTo(TransferStatus.ACCEPTED);
            assertThatThrownBy(() -> member.acceptTransfer("t-1", ZENGDU, TODAY, SUIZHOU_STAFF, NOW))
                    .isInstanceOf(TransferNotOpen.class);
            assertThatThrownBy(() -> member.withdrawTransfer("t-1", YUNXI_STAFF, NOW))
                    .isInstanceOf(TransferNotOpen.class);
        }
    }

    @Nested
    class DecliningAndWithdrawing {

        @Test
        void aDeclinedTransferLeavesTheMemberActiveInTheOriginWithTheReason() {
            // given
            Member member = pendingMember(YUNXI_STAFF);

            // when
            MemberTransferClosed event = member.declineTransfer("t-1", TransferDeclineReason.NOT_COVERED_BY_DESTINATION,
                    SUIZHOU_STAFF, NOW.plusSeconds(60));

            // then
            assertThat(member.status()).isEqualTo(MemberStatus.ACTIVE);
            assertThat(member.org()).isEqualTo(YUNXI);
            assertThat(event).isEqualTo(new MemberTransferClosed("m-1", "t-1", "yunxi", YUNXI.path(), "zengdu",
                    MemberTransferClosed.Outcome.DECLINED, "NOT_COVERED_BY_DESTINATION", NOW.plusSeconds(60)));
            assertThat(member.transfers()).singleElement().satisfies(transfer -> {
                assertThat(transfer.status()).isEqualTo(TransferStatus.DECLINED);
                assertThat(transfer.declineReason()).isEqualTo(TransferDeclineReason.NOT_COVERED_BY_DESTINATION);
            });
            assertThat(member.history()).last().satisfies(change -> {
                assertThat(change.to()).isEqualTo(MemberStatus.ACTIVE);
                assertThat(change.orgId()).isEqualTo("yunxi");
                assertThat(change.reasonCode()).isEqualTo("NOT_COVERED_BY_DESTINATION");
            });
        }

        @Test
        void aDeclineNeedsAReason() {
            assertThatThrownBy(() -> pendingMember(YUNXI_STAFF).declineTransfer("t-1", null, SUIZHOU_STAFF, NOW))
                    .isInstanceOf(MemberRuleViolation.class)
                    .extracting(e -> ((MemberRuleViolation) e).field()).isEqualTo("reasonCode");
        }

        @Test
        void staffWithdrawAStaffRequestAndTheMemberTheirOwnButNotTheOtherWayRound() {
            Member byStaff = pendingMember(YUNXI_STAFF);
            assertThatThrownBy(() -> byStaff.withdrawTransfer("t-1", THE_MEMBER, NOW))
                    .isInstanceOf(NotTheRequester.class);
            MemberTransferClosed withdrawn = byStaff.withdrawTransfer("t-1", Actor.staff("another-yunxi-staff"), NOW);
            assertThat(withdrawn.outcome()).isEqualTo(MemberTransferClosed.Outcome.WITHDRAWN);
            assertThat(withdrawn.reasonCode()).isNull();

            Member byMember = pendingMember(THE_MEMBER);
            assertThatThrownBy(() -> byMember.withdrawTransfer("t-1", YUNXI_STAFF, NOW))
                    .isInstanceOf(NotTheRequester.class);
            assertThatThrownBy(() -> byMember.withdrawTransfer("t-1", new Actor(ActorKind.MEMBER, "someone-else"),
                    NOW)).isInstanceOf(NotTheRequester.class);
            assertThat(byMember.withdrawTransfer("t-1", THE_MEMBER, NOW).outcome())
                    .isEqualTo(MemberTransferClosed.Outcome.WITHDRAWN);
            assertThat(byMember.status()).isEqualTo(MemberStatus.ACTIVE);
        }

        @Test
        void afterATransferEndedAnotherMayBeRequested() {
            Member member = pendingMember(YUNXI_STAFF);
            member.withdrawTransfer("t-1", YUNXI_STAFF, NOW);

            member.requestTransfer("t-2", CHENGDU, TransferReason.CHANGED_EMPLOYER, YUNXI_STAFF, THIRTY_DAYS, NOW);

            assertThat(member.transfers()).extracting(Transfer::id).containsExactly("t-1", "t-2");
            assertThat(member.transfer("t-1")).get().extracting(Transfer::status).isEqualTo(TransferStatus.WITHDRAWN);
        }
    }

    @Nested
    class Expiring {

        @Test
        void nothingExpiresBeforeTheDeadline() {
            Member member = pendingMember(YUNXI_STAFF);

            assertThat(member.expireTransfer(NOW.plus(THIRTY_DAYS).minusMillis(1))).isEmpty();
            assertThat(member.status()).isEqualTo(MemberStatus.TRANSFER_PENDING);
            assertThat(activeMember().expireTransfer(NOW.plus(THIRTY_DAYS))).isEmpty();
        }

        @Test
        void atTheDeadlineTheTransferExpiresAndTheMemberIsActiveInTheOriginAgain() {
            // given
            Member member = pendingMember(YUNXI_STAFF);
            Instant deadline = NOW.plus(THIRTY_DAYS);

            // when
            MemberTransferClosed event = member.expireTransfer(deadline).orElseThrow();

            // then
            assertThat(event).isEqualTo(new MemberTransferClosed("m-1", "t-1", "yunxi", YUNXI.path(), "zengdu",
                    MemberTransferClosed.Outcome.EXPIRED, null, deadline));
            assertThat(member.status()).isEqualTo(MemberStatus.ACTIVE);
            assertThat(member.org()).isEqualTo(YUNXI);
            assertThat(member.history()).last().satisfies(change -> {
                assertThat(change.actorKind()).isEqualTo(ActorKind.SYSTEM);
                assertThat(change.effectiveOn()).isEqualTo(TODAY.plusDays(30));
            });
            assertThat(member.expireTransfer(deadline.plusSeconds(1))).isEmpty();
        }

        @Test
        void pastTheDeadlineTheDestinationCanNoLongerDecideEvenBeforeTheSweeperRan() {
            Member member = pendingMember(YUNXI_STAFF);
            Instant late = NOW.plus(THIRTY_DAYS);

            assertThatThrownBy(() -> member.acceptTransfer("t-1", ZENGDU, TODAY, SUIZHOU_STAFF, late))
                    .isInstanceOf(TransferNotOpen.class)
                    .extracting(e -> ((TransferNotOpen) e).status()).isEqualTo(TransferStatus.EXPIRED);
            assertThatThrownBy(() -> member.declineTransfer("t-1", TransferDeclineReason.OTHER, SUIZHOU_STAFF, late))
                    .isInstanceOf(TransferNotOpen.class);
            assertThatThrownBy(() -> member.withdrawTransfer("t-1", YUNXI_STAFF, late))
                    .isInstanceOf(TransferNotOpen.class);
            assertThat(member.status()).isEqualTo(MemberStatus.TRANSFER_PENDING);
        }
    }
}
