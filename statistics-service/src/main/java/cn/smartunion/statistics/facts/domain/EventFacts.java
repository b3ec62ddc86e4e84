package cn.smartunion.statistics.facts.domain;

import cn.smartunion.contracts.EventType;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.aid.AidApplicationApproved;
import cn.smartunion.contracts.aid.AidApplicationSubmitted;
import cn.smartunion.contracts.aid.AidDisbursed;
import cn.smartunion.contracts.aid.CondolenceDelivered;
import cn.smartunion.contracts.aid.HardshipCaseFiled;
import cn.smartunion.contracts.aid.HardshipCaseRelieved;
import cn.smartunion.contracts.aid.MutualAidClaimPaid;
import cn.smartunion.contracts.aid.MutualAidEnrolled;
import cn.smartunion.contracts.competition.CompetitionPublished;
import cn.smartunion.contracts.competition.EntrantRegistered;
import cn.smartunion.contracts.competition.EntryDisqualified;
import cn.smartunion.contracts.competition.EntryWithdrawn;
import cn.smartunion.contracts.competition.HonourConferred;
import cn.smartunion.contracts.competition.HonourRevoked;
import cn.smartunion.contracts.competition.InnovationBenefitRecorded;
import cn.smartunion.contracts.competition.InnovationEvaluated;
import cn.smartunion.contracts.competition.InnovationOutcome;
import cn.smartunion.contracts.competition.InnovationStudioRegistered;
import cn.smartunion.contracts.competition.InnovationSubmitted;
import cn.smartunion.contracts.competition.RecipientType;
import cn.smartunion.contracts.competition.SkillLevelCertified;
import cn.smartunion.contracts.competition.StudioLevelChanged;
import cn.smartunion.contracts.competition.StudioReviewed;
import cn.smartunion.contracts.competition.TitleConferred;
import cn.smartunion.contracts.membership.MemberActivated;
import cn.smartunion.contracts.membership.MemberTransferred;
import cn.smartunion.contracts.membership.MembershipReinstated;
import cn.smartunion.contracts.membership.MembershipRetained;
import cn.smartunion.contracts.membership.MembershipTerminated;
import cn.smartunion.contracts.membership.OrgRegistered;
import cn.smartunion.contracts.rights.CaseFollowUpCompleted;
import cn.smartunion.contracts.rights.CollectiveContractExpired;
import cn.smartunion.contracts.rights.CollectiveContractSigned;
import cn.smartunion.contracts.rights.DisputeCaseClosed;
import cn.smartunion.contracts.rights.DisputeCaseOpened;
import cn.smartunion.contracts.rights.LegalAidGranted;
import cn.smartunion.contracts.rights.MediationAgreementReached;
import cn.smartunion.contracts.rights.MediationFailed;
import cn.smartunion.contracts.rights.MediationSessionHeld;
import cn.smartunion.contracts.rights.SupervisionNoticeIssued;
import cn.smartunion.contracts.rights.WorkOrderCreated;
import cn.smartunion.contracts.rights.WorkOrderRated;
import cn.smartunion.contracts.rights.WorkOrderResolved;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Which events feed a metric and the fact each one becomes. An event's date is the payload's own business date when
 * it has one (effective, paid, closed, conferred …), else its instant in the reports' calendar — never the time it
 * reached this service, so a replay dates everything as the first reading did.
 */
public final class EventFacts {

    /** The member standings the stock of members is computed from ({@code code} of a standing fact). */
    public static final String ACTIVE = "ACTIVE";
    public static final String RETAINED = "RETAINED";
    public static final String TERMINATED = "TERMINATED";

    /** A satisfied rating: 4 or 5 out of 5. */
    static final int SATISFIED_FROM = 4;

    private final ZoneId zone;
    private final Map<String, Translation<?>> translations = new HashMap<>();

    public EventFacts(ZoneId zone) {
        this.zone = zone;
        membership();
        aid();
        rights();
        competition();
    }

    /** The payload record of an event type that feeds a metric; empty for the others. */
    public Optional<Class<?>> payloadType(String eventType) {
        return Optional.ofNullable(translations.get(eventType)).map(Translation::payloadType);
    }

    /**
     * @param headerOrgPath the {@code ce_orgpath} attribute, used when the payload names no owning union
     * @param time          the {@code ce_time} attribute, for events whose payload carries no instant
     */
    public Fact factOf(String eventId, String eventType, String headerOrgPath, Instant time, Object payload) {
        Translation<?> translation = translations.get(eventType);
        if (translation == null) {
            throw new IllegalArgumentException("no metric is fed by " + eventType);
        }
        return translation.apply(new Event(eventId, eventType, headerOrgPath, time), payload);
    }

    private void membership() {
        on(EventTypes.MEMBER_ACTIVATED, MemberActivated.class, (e, p) ->
                e.fact(p.orgPath(), date(p.effectiveOn(), p.activatedAt(), e), p.activatedAt())
                        .subject(p.memberId()).person(Fact.member(p.memberId())).code(ACTIVE)
                        .channel(p.joinChannel()).flag(p.firstJoin()).tags(p.groupTags()).build());
        on(EventTypes.MEMBER_TRANSFERRED, MemberTransferred.class, (e, p) ->
                e.fact(p.toOrgPath(), date(p.effectiveOn(), p.transferredAt(), e), p.transferredAt())
                        .subject(p.memberId()).person(Fact.member(p.memberId())).code(ACTIVE).build());
        on(EventTypes.MEMBERSHIP_RETAINED, MembershipRetained.class, (e, p) ->
                e.fact(p.orgPath(), date(p.since(), p.occurredAt(), e), p.occurredAt())
                        .subject(p.memberId()).person(Fact.member(p.memberId())).code(RETAINED).build());
        on(EventTypes.MEMBERSHIP_REINSTATED, MembershipReinstated.class, (e, p) ->
                e.fact(p.orgPath(), date(p.effectiveOn(), p.occurredAt(), e), p.occurredAt())
                        .subject(p.memberId()).person(Fact.member(p.memberId())).code(ACTIVE).build());
        on(EventTypes.MEMBERSHIP_TERMINATED, MembershipTerminated.class, (e, p) ->
                e.fact(p.orgPath(), date(p.effectiveOn(), p.occurredAt(), e), p.occurredAt())
                        .subject(p.memberId()).person(Fact.member(p.memberId())).code(TERMINATED).build());
        on(EventTypes.ORG_REGISTERED, OrgRegistered.class, (e, p) ->
                e.fact(p.path(), date(p.foundedOn(), p.registeredAt(), e), p.registeredAt())
                        .subject(p.orgId()).code(p.orgType()).build());
    }

    private void aid() {
        on(EventTypes.HARDSHIP_CASE_FILED, HardshipCaseFiled.class, (e, p) ->
                e.fact(p.orgPath(), date(null, p.filedAt(), e), p.filedAt())
                        .subject(p.caseId()).household(p.householdId()).code(p.category()).build());
        on(EventTypes.HARDSHIP_CASE_RELIEVED, HardshipCaseRelieved.class, (e, p) ->
                e.fact(p.orgPath(), date(p.relievedOn(), p.occurredAt(), e), p.occurredAt())
                        .subject(p.caseId()).household(p.householdId()).build());
        on(EventTypes.CONDOLENCE_DELIVERED, CondolenceDelivered.class, (e, p) ->
                e.fact(p.orgPath(), date(p.deliveredOn(), p.occurredAt(), e), p.occurredAt())
                        .subject(p.deliveryId()).person(Fact.person(p.memberId(), p.personId()))
                        .count(p.personTimes()).amountFen(p.cashFen() + p.inKindFen()).code(p.programmeCode())
                        .channel(p.beneficiaryType()).build());
        on(EventTypes.AID_APPLICATION_SUBMITTED, AidApplicationSubmitted.class, (e, p) ->
                e.fact(p.orgPath(), date(null, p.submittedAt(), e), p.submittedAt())
                        .subject(p.applicationId()).person(Fact.person(p.memberId(), p.personId()))
                        .amountFen(p.requestedFen()).code(p.programmeCode()).build());
        // the beneficiary is on the submission only: the recorder copies it from that fact
        on(EventTypes.AID_APPLICATION_APPROVED, AidApplicationApproved.class, (e, p) ->
                e.fact(p.orgPath(), date(null, p.approvedAt(), e), p.approvedAt())
                        .subject(p.applicationId()).amountFen(p.approvedFen()).code(p.programmeCode())
                        .channel(p.fundingSource()).build());
        on(EventTypes.AID_DISBURSED, AidDisbursed.class, (e, p) ->
                e.fact(p.orgPath(), date(p.disbursedOn(), p.occurredAt(), e), p.occurredAt())
                        .subject(p.disbursementId()).amountFen(p.amountFen()).code(p.programmeCode())
                        .channel(p.fundingSource()).build());
        on(EventTypes.MUTUAL_AID_ENROLLED, MutualAidEnrolled.class, (e, p) ->
                e.fact(p.orgPath(), date(null, p.occurredAt(), e), p.occurredAt())
                        .subject(p.enrolmentId()).person(Fact.member(p.memberId()))
                        .amountFen(p.contributionFen()).code(p.planId()).build());
        on(EventTypes.MUTUAL_AID_CLAIM_PAID, MutualAidClaimPaid.class, (e, p) ->
                e.fact(p.orgPath(), date(null, p.paidAt(), e), p.paidAt())
                        .subject(p.claimId()).person(Fact.member(p.memberId()))
                        .amountFen(p.paidFen()).code(p.planId()).build());
    }

    private void rights() {
        on(EventTypes.DISPUTE_CASE_OPENED, DisputeCaseOpened.class, (e, p) ->
                e.fact(p.orgPath(), date(null, p.openedAt(), e), p.openedAt())
                        .subject(p.caseId())
                        .persons(p.workers() == null ? List.of() : p.workers().stream()
                                .map(w -> Fact.person(w.memberId(), w.personId())).toList())
                        .amountFen(p.amountClaimedFen()).count(p.workers() == null ? 0 : p.workers().size())
                        .channel(p.intake()).flag(p.collective()).build());
        // the workers are on the case's opening only: the recorder copies them from that fact
        on(EventTypes.LEGAL_AID_GRANTED, LegalAidGranted.class, (e, p) ->
                e.fact(p.orgPath(), date(p.grantedOn(), null, e), null).subject(p.caseId()).build());
        on(EventTypes.MEDIATION_SESSION_HELD, MediationSessionHeld.class, (e, p) ->
                e.fact(p.orgPath(), date(p.heldOn(), null, e), null).subject(p.caseId()).code(p.mechanism()).build());
        on(EventTypes.MEDIATION_AGREEMENT_REACHED, MediationAgreementReached.class, (e, p) ->
                e.fact(p.orgPath(), date(p.reachedOn(), null, e), null).subject(p.caseId())
                        .amountFen(p.agreedFen()).build());
        on(EventTypes.MEDIATION_FAILED, MediationFailed.class, (e, p) ->
                e.fact(p.orgPath(), date(p.failedOn(), null, e), null).subject(p.caseId()).build());
        on(EventTypes.DISPUTE_CASE_CLOSED, DisputeCaseClosed.class, (e, p) ->
                e.fact(p.orgPath(), date(p.closedOn(), p.occurredAt(), e), p.occurredAt())
                        .subject(p.caseId()).amountFen(p.amountRecoveredFen()).count(p.workersBenefited())
                        .code(p.closureType()).build());
        // cohortOn (the closure it follows up) is set by the recorder from the case's closure fact
        on(EventTypes.CASE_FOLLOW_UP_COMPLETED, CaseFollowUpCompleted.class, (e, p) ->
                e.fact(p.orgPath(), date(p.completedOn(), null, e), null)
                        .subject(p.caseId()).flag(!p.reComplained()).build());
        on(EventTypes.WORK_ORDER_CREATED, WorkOrderCreated.class, (e, p) ->
                e.fact(p.orgPath(), date(null, p.createdAt(), e), p.createdAt())
                        .subject(p.orderId()).code(p.category()).channel(p.channel()).build());
        // cohortOn (the order's creation) is set by the recorder from the order's creation fact
        on(EventTypes.WORK_ORDER_RESOLVED, WorkOrderResolved.class, (e, p) ->
                e.fact(p.orgPath(), date(null, p.resolvedAt(), e), p.resolvedAt())
                        .subject(p.orderId()).amountFen(p.amountRecoveredFen()).code(p.outcome())
                        .flag(p.withinSla()).build());
        on(EventTypes.WORK_ORDER_RATED, WorkOrderRated.class, (e, p) ->
                e.fact(p.orgPath(), date(null, p.ratedAt(), e), p.ratedAt())
                        .subject(p.orderId()).count(p.rating()).flag(p.rating() >= SATISFIED_FROM).build());
        on(EventTypes.SUPERVISION_NOTICE_ISSUED, SupervisionNoticeIssued.class, (e, p) ->
                e.fact(p.orgPath(), date(p.issuedOn(), null, e), null).subject(p.noticeId()).code(p.type()).build());
        on(EventTypes.COLLECTIVE_CONTRACT_SIGNED, CollectiveContractSigned.class, (e, p) ->
                e.fact(p.orgPath(), date(p.signedOn(), null, e), null)
                        .subject(p.contractId()).code(p.contractType()).count(p.workersCovered())
                        .validity(p.effectiveFrom(), p.effectiveTo()).build());
        on(EventTypes.COLLECTIVE_CONTRACT_EXPIRED, CollectiveContractExpired.class, (e, p) ->
                e.fact(p.orgPath(), date(p.expiredOn(), null, e), null)
                        .subject(p.contractId()).code(p.contractType()).build());
    }

    private void competition() {
        on(EventTypes.COMPETITION_PUBLISHED, CompetitionPublished.class, (e, p) ->
                e.fact(p.orgPath(), date(null, p.publishedAt(), e), p.publishedAt())
                        .subject(p.competitionId()).code(p.type()).channel(p.level()).build());
        on(EventTypes.ENTRANT_REGISTERED, EntrantRegistered.class, (e, p) ->
                e.fact(p.orgPath(), date(null, p.registeredAt(), e), p.registeredAt())
                        .subject(p.entryId()).count(p.participantCount()).unit(p.unitCreditCode())
                        .persons(p.participants() == null ? List.of() : p.participants().stream()
                                .map(x -> Fact.person(x.memberId(), x.personId())).toList())
                        .code(p.entrantType()).build());
        // an entry withdrawn or disqualified by a period's end no longer counts among that period's registrations
        on(EventTypes.ENTRY_WITHDRAWN, EntryWithdrawn.class, (e, p) ->
                e.fact(p.orgPath(), date(null, p.withdrawnAt(), e), p.withdrawnAt()).subject(p.entryId()).build());
        on(EventTypes.ENTRY_DISQUALIFIED, EntryDisqualified.class, (e, p) ->
                e.fact(p.orgPath(), date(null, p.disqualifiedAt(), e), p.disqualifiedAt())
                        .subject(p.entryId()).code(p.reason()).build());
        on(EventTypes.TITLE_CONFERRED, TitleConferred.class, (e, p) ->
                e.fact(p.orgPath(), date(p.conferredOn(), p.conferredAt(), e), p.conferredAt())
                        .subject(p.titleId()).code(p.title()).channel(p.recipientType())
                        .person(p.recipientType() == RecipientType.INDIVIDUAL
                                ? Fact.person(p.memberId(), p.personId()) : null)
                        .unit(p.unitCreditCode()).build());
        on(EventTypes.SKILL_LEVEL_CERTIFIED, SkillLevelCertified.class, (e, p) ->
                e.fact(p.orgPath(), date(p.certifiedOn(), p.recordedAt(), e), p.recordedAt())
                        .subject(p.certificationId()).person(Fact.person(p.memberId(), p.personId()))
                        .code(p.level()).build());
        on(EventTypes.HONOUR_CONFERRED, HonourConferred.class, (e, p) ->
                e.fact(p.orgPath(), date(p.conferredOn(), p.conferredAt(), e), p.conferredAt())
                        .subject(p.honourId()).code(p.type()).channel(p.recipientType())
                        .person(Fact.person(p.memberId(), p.personId())).unit(p.unitCreditCode())
                        .tags(p.groupTags()).build());
        on(EventTypes.HONOUR_REVOKED, HonourRevoked.class, (e, p) ->
                e.fact(p.orgPath(), date(p.revokedOn(), p.revokedAt(), e), p.revokedAt())
                        .subject(p.honourId()).code(p.type()).build());
        // a studio's standing: its level (code) and whether it is open (flag), the latest fact on or before a day wins
        on(EventTypes.INNOVATION_STUDIO_REGISTERED, InnovationStudioRegistered.class, (e, p) ->
                e.fact(p.orgPath(), date(p.foundedOn(), p.registeredAt(), e), p.registeredAt())
                        .subject(p.studioId()).code(p.level()).flag(true).unit(p.unitCreditCode()).build());
        on(EventTypes.STUDIO_LEVEL_CHANGED, StudioLevelChanged.class, (e, p) ->
                e.fact(p.orgPath(), date(p.effectiveOn(), p.changedAt(), e), p.changedAt())
                        .subject(p.studioId()).code(p.toLevel()).flag(true).build());
        on(EventTypes.STUDIO_REVIEWED, StudioReviewed.class, (e, p) ->
                e.fact(p.orgPath(), date(p.reviewedOn(), p.reviewedAt(), e), p.reviewedAt())
                        .subject(p.studioId()).code(p.level()).flag(!p.closed()).build());
        on(EventTypes.INNOVATION_SUBMITTED, InnovationSubmitted.class, (e, p) ->
                e.fact(p.orgPath(), date(null, p.submittedAt(), e), p.submittedAt())
                        .subject(p.innovationId()).code(p.type()).unit(p.unitCreditCode()).build());
        on(EventTypes.INNOVATION_EVALUATED, InnovationEvaluated.class, (e, p) ->
                e.fact(p.orgPath(), date(p.evaluatedOn(), p.evaluatedAt(), e), p.evaluatedAt())
                        .subject(p.innovationId()).code(p.type()).flag(p.outcome() == InnovationOutcome.ADOPTED)
                        .build());
        // a later figure replaces the earlier one: each revision adds its change, so any window sums correctly
        // and all time sums to the latest figure of every innovation
        on(EventTypes.INNOVATION_BENEFIT_RECORDED, InnovationBenefitRecorded.class, (e, p) ->
                e.fact(p.orgPath(), date(p.verifiedOn(), p.recordedAt(), e), p.recordedAt())
                        .subject(p.innovationId()).code(p.type())
                        .amountFen(p.benefitFen() - (p.previousBenefitFen() == null ? 0 : p.previousBenefitFen()))
                        .build());
    }

    private <T> void on(EventType type, Class<T> payloadType, BiFunction<Event, T, Fact> translation) {
        translations.put(type.type(), new Translation<>(payloadType, translation));
    }

    private LocalDate date(LocalDate businessDate, Instant instant, Event event) {
        if (businessDate != null) {
            return businessDate;
        }
        Instant when = instant != null ? instant : event.time();
        if (when == null) {
            throw new IllegalArgumentException("event " + event.id() + " carries no date");
        }
        return LocalDate.ofInstant(when, zone);
    }

    private record Event(String id, String type, String headerOrgPath, Instant time) {

        Fact.Builder fact(String payloadOrgPath, LocalDate on, Instant at) {
            String orgPath = payloadOrgPath != null && !payloadOrgPath.isBlank() ? payloadOrgPath : headerOrgPath;
            if (orgPath == null || orgPath.isBlank()) {
                throw new IllegalArgumentException("event " + id + " names no owning union");
            }
            return Fact.of(id, type, orgPath, on, at != null ? at : time);
        }
    }

    private record Translation<T>(Class<T> payloadType, BiFunction<Event, T, Fact> translation) {

        Fact apply(Event event, Object payload) {
            return translation.apply(event, payloadType.cast(payload));
        }
    }
}
