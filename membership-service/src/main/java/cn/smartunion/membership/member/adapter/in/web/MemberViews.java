package cn.smartunion.membership.member.adapter.in.web;

import cn.smartunion.contracts.membership.ActorKind;
import cn.smartunion.contracts.membership.JoinChannel;
import cn.smartunion.membership.member.application.MemberQueries;
import cn.smartunion.membership.member.domain.Gender;
import cn.smartunion.membership.member.domain.Member;
import cn.smartunion.membership.member.domain.MemberStatus;
import cn.smartunion.membership.member.domain.Members;
import cn.smartunion.membership.member.domain.StatusChange;
import cn.smartunion.membership.recognition.domain.Recognitions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Response bodies of the member API. Personal data is masked unless the view is meant to show it. */
final class MemberViews {

    private MemberViews() {
    }

    /** @param transferId the transfer a change belongs to (see {@code /transfers/{transferId}}), null otherwise */
    record StatusChangeView(MemberStatus from, MemberStatus to, String orgId, String orgPath, LocalDate effectiveOn,
                            Instant recordedAt, ActorKind actorKind, String actorSubject, String reasonCode,
                            String transferId) {

        static StatusChangeView of(StatusChange change) {
            return new StatusChangeView(change.from(), change.to(), change.orgId(), change.orgPath(),
                    change.effectiveOn(), change.recordedAt(), change.actorKind(), change.actorSubject(),
                    change.reasonCode(), change.transferId());
        }
    }

    /**
     * What in-scope staff see of one record: the legal name in full, ID number and phone masked, the history, and the
     * honours, titles and skill levels competition-service conferred.
     */
    record MemberView(String id, String legalName, String citizenIdNumber, String mobilePhone, Gender gender,
                      LocalDate birthDate, OrgView org, MemberStatus status, EmploymentView employment,
                      List<String> groupTags, JoinChannel joinChannel, String campaignId, String applicationId,
                      String enrolmentBatchId, LocalDate joinedOn, LocalDate firstJoinedOn, boolean accountLinked,
                      List<StatusChangeView> history, Recognitions recognitions) {

        static MemberView of(MemberQueries.Details details, Recognitions recognitions) {
            Member m = details.member();
            return new MemberView(m.id(), details.legalName(), m.person().citizenIdNumber().masked(),
                    m.person().mobilePhone() == null ? null : m.person().mobilePhone().masked(), m.person().gender(),
                    m.person().birthDate(), OrgView.of(m.org(), details.orgName()), m.status(),
                    EmploymentView.of(m.employment()), m.groupTags(), m.joining().channel(), m.joining().campaignId(),
                    m.joining().applicationId(), m.joining().enrolmentBatchId(), m.joinedOn(), m.firstJoinedOn(),
                    m.accountSubject() != null, m.history().stream().map(StatusChangeView::of).toList(), recognitions);
        }
    }

    /** A member's own record as the member app shows it: everything personal masked, no staff ids. */
    record MyMemberView(String id, String legalName, String citizenIdNumber, String mobilePhone, Gender gender,
                        OrgView org, MemberStatus status, EmploymentView employment, List<String> groupTags,
                        JoinChannel joinChannel, LocalDate joinedOn, LocalDate firstJoinedOn,
                        Recognitions recognitions) {

        static MyMemberView of(Member m, String orgName, Recognitions recognitions) {
            return new MyMemberView(m.id(), m.person().legalName().masked(), m.person().citizenIdNumber().masked(),
                    m.person().mobilePhone() == null ? null : m.person().mobilePhone().masked(), m.person().gender(),
                    OrgView.of(m.org(), orgName), m.status(), EmploymentView.of(m.employment()),
                    m.groupTags(), m.joining().channel(), m.joinedOn(), m.firstJoinedOn(), recognitions);
        }
    }

    /** One list row; personal data masked. */
    record MemberListItem(String id, String legalName, String citizenIdNumber, String mobilePhone, Gender gender,
                          String orgId, String orgPath, MemberStatus status, List<String> groupTags,
                          LocalDate joinedOn) {

        static MemberListItem of(Members.MemberSummary s) {
            return new MemberListItem(s.id(), s.maskedLegalName(), s.maskedCitizenIdNumber(), s.maskedMobilePhone(),
                    s.gender(), s.orgId(), s.orgPath(), s.status(), s.groupTags(), s.joinedOn());
        }
    }

    record PageView<T>(List<T> items, int page, int size, long totalItems) {
    }
}
