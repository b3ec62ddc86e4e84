package cn.smartunion.aid.casefile.adapter.in.web;

import cn.smartunion.aid.casefile.application.CaseFile;
import cn.smartunion.aid.casefile.domain.CaseStatus;
import cn.smartunion.aid.casefile.domain.HardshipCase;
import cn.smartunion.aid.casefile.domain.PersonRef;
import cn.smartunion.aid.casefile.domain.RelapseRisk;
import cn.smartunion.aid.casefile.domain.Relation;
import cn.smartunion.contracts.aid.AidMeasure;
import cn.smartunion.contracts.aid.ApprovalLevel;
import cn.smartunion.contracts.aid.CaseClosure;
import cn.smartunion.contracts.aid.HardshipCategory;
import cn.smartunion.contracts.aid.HardshipCause;
import cn.smartunion.contracts.aid.IdentificationChannel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the case API answers: people masked only. */
final class CaseViews {

    private CaseViews() {
    }

    record PersonView(String personId, String maskedName, String maskedIdNumber) {
        static PersonView of(PersonRef p) {
            return new PersonView(p.personId(), p.maskedName(), p.maskedIdNumber());
        }
    }

    record HouseholdMemberView(PersonView person, Relation relation) {
    }

    record MeasureView(AidMeasure measure, long plannedFen, long paidFen) {
    }

    record ApprovalView(ApprovalLevel level, String budgetLineId, long amountFen, Instant approvedAt) {
    }

    record VisitView(LocalDate visitedOn, RelapseRisk relapseRisk, Instant recordedAt) {
    }

    record HistoryView(CaseStatus status, String actorSubject, Instant at) {
    }

    record CaseView(String id, String orgId, String orgPath, String programmeCode, String cycle,
                    IdentificationChannel identifiedBy, String householdId, String memberId, PersonView head,
                    List<HouseholdMemberView> householdMembers, int householdSize, CaseStatus status,
                    CaseClosure outcome, HardshipCategory category, List<HardshipCause> causes, Long monthlyIncomeFen,
                    Instant filedAt, int reopenCount, List<MeasureView> measures, long plannedFen,
                    ApprovalView approval, long approvedFen, long paidFen, long unpaidFen, List<VisitView> monitoring,
                    List<HistoryView> history, LocalDate relievedOn, LocalDate closedOn, Instant createdAt,
                    long version) {

        static CaseView of(CaseFile file) {
            HardshipCase c = file.hardshipCase();
            var a = c.approval();
            return new CaseView(c.id(), c.orgId(), c.orgPath(), c.programmeCode(), c.cycle(), c.identifiedBy(),
                    c.householdId(), c.memberId(), PersonView.of(c.head()),
                    c.householdMembers().stream().map(m -> new HouseholdMemberView(PersonView.of(m.person()),
                            m.relation())).toList(),
                    c.householdSize(), c.status(), c.outcome(), c.category(), c.causes(), c.monthlyIncomeFen(),
                    c.filedAt(), c.reopenCount(),
                    c.measures().stream().map(m -> new MeasureView(m.measure(), m.plannedFen(),
                            file.paidByMeasure().getOrDefault(m.measure(), 0L))).toList(),
                    c.totalPlannedFen(),
                    a == null ? null : new ApprovalView(a.level(), a.budgetLineId(), a.amountFen(), a.approvedAt()),
                    c.approvedFen(), c.paidFen(), c.unpaidFen(),
                    c.monitoring().stream().map(v -> new VisitView(v.visitedOn(), v.relapseRisk(), v.recordedAt()))
                            .toList(),
                    c.history().stream().map(h -> new HistoryView(h.status(), h.actorSubject(), h.at())).toList(),
                    c.relievedOn(), c.closedOn(), c.createdAt(), c.version());
        }
    }

    record CaseListItem(String id, String orgId, String orgPath, String programmeCode, String cycle,
                        String householdId, String headMaskedName, CaseStatus status, HardshipCategory category,
                        long approvedFen, long unpaidFen, Instant createdAt) {

        static CaseListItem of(HardshipCase c) {
            return new CaseListItem(c.id(), c.orgId(), c.orgPath(), c.programmeCode(), c.cycle(), c.householdId(),
                    c.head().maskedName(), c.status(), c.category(), c.approvedFen(), c.unpaidFen(), c.createdAt());
        }
    }
}
