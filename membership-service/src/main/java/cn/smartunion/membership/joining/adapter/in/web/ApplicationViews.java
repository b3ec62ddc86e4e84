package cn.smartunion.membership.joining.adapter.in.web;

import cn.smartunion.contracts.membership.ActorKind;
import cn.smartunion.contracts.membership.JoinChannel;
import cn.smartunion.membership.joining.application.ApplicationQueries;
import cn.smartunion.membership.joining.domain.Application;
import cn.smartunion.membership.joining.domain.ApplicationStatus;
import cn.smartunion.membership.joining.domain.Applications;
import cn.smartunion.membership.joining.domain.Approval;
import cn.smartunion.membership.joining.domain.Rejection;
import cn.smartunion.membership.joining.domain.RejectionReason;
import cn.smartunion.membership.member.adapter.in.web.EmploymentView;
import cn.smartunion.membership.member.adapter.in.web.OrgView;
import cn.smartunion.membership.member.domain.Gender;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Response bodies of the joining API. Personal data is always masked. */
final class ApplicationViews {

    private ApplicationViews() {
    }

    /** Who did it: the kind always, the account id for staff readers only. */
    record ActorView(ActorKind kind, String subject) {
    }

    record ApprovalView(ActorView approvedBy, Instant approvedAt, LocalDate effectiveOn, String memberId) {

        static ApprovalView of(Approval approval, boolean withSubjects) {
            return approval == null ? null : new ApprovalView(actor(approval.approvedBy(), withSubjects),
                    approval.approvedAt(), approval.effectiveOn(), approval.memberId());
        }
    }

    record RejectionView(ActorView rejectedBy, Instant rejectedAt, RejectionReason reasonCode, String note) {

        static RejectionView of(Rejection rejection, boolean withSubjects) {
            return rejection == null ? null : new RejectionView(actor(rejection.rejectedBy(), withSubjects),
                    rejection.rejectedAt(), rejection.reason(), rejection.note());
        }
    }

    /**
     * One application. Staff see who submitted and decided it; the applicant sees the kinds only.
     *
     * @param accountLinked true when the worker applied with their own account (the member record will be linked)
     */
    record ApplicationView(String id, String legalName, String citizenIdNumber, String mobilePhone, Gender gender,
                           OrgView org, ApplicationStatus status, EmploymentView employment,
                           List<String> groupTags, JoinChannel joinChannel, String campaignId,
                           ActorView submittedBy, Instant submittedAt, boolean accountLinked, ApprovalView approval,
                           RejectionView rejection, Instant withdrawnAt) {

        static ApplicationView forStaff(ApplicationQueries.Details details) {
            return of(details.application(), details.orgName(), true);
        }

        static ApplicationView forApplicant(ApplicationQueries.Details details) {
            return of(details.application(), details.orgName(), false);
        }

        static ApplicationView of(Application a, String orgName, boolean withSubjects) {
            var p = a.applicant();
            return new ApplicationView(a.id(), p.legalName().masked(), p.citizenIdNumber().masked(),
                    p.mobilePhone() == null ? null : p.mobilePhone().masked(), p.gender(),
                    OrgView.of(a.target(), orgName), a.status(),
                    EmploymentView.of(a.employment()), a.groupTags(), a.joining().channel(),
                    a.joining().campaignId(), actor(a.submittedBy(), withSubjects), a.submittedAt(),
                    a.accountSubject() != null, ApprovalView.of(a.approval(), withSubjects),
                    RejectionView.of(a.rejection(), withSubjects), a.withdrawnAt());
        }
    }

    /** One list row; personal data masked. */
    record ApplicationListItem(String id, String legalName, String citizenIdNumber, String mobilePhone, String orgId,
                               String orgPath, ApplicationStatus status, JoinChannel joinChannel, String campaignId,
                               List<String> groupTags, ActorKind submittedByKind, Instant submittedAt,
                               String memberId, String reasonCode) {

        static ApplicationListItem of(Applications.ApplicationSummary s) {
            return new ApplicationListItem(s.id(), s.maskedLegalName(), s.maskedCitizenIdNumber(),
                    s.maskedMobilePhone(), s.orgId(), s.orgPath(), s.status(), s.joinChannel(), s.campaignId(),
                    s.groupTags(), s.submittedByKind(), s.submittedAt(), s.memberId(), s.reasonCode());
        }
    }

    record PageView<T>(List<T> items, int page, int size, long totalItems) {

        static PageView<ApplicationListItem> of(Applications.PageOf<Applications.ApplicationSummary> page) {
            return new PageView<>(page.items().stream().map(ApplicationListItem::of).toList(), page.page(),
                    page.size(), page.totalItems());
        }
    }

    private static ActorView actor(cn.smartunion.membership.member.domain.Actor actor, boolean withSubject) {
        return new ActorView(actor.kind(), withSubject ? actor.subject() : null);
    }
}
