package cn.smartunion.rights.dispute.adapter.in.web;

import cn.smartunion.contracts.rights.CaseIntake;
import cn.smartunion.contracts.rights.ClaimType;
import cn.smartunion.rights.dispute.domain.Closure;
import cn.smartunion.rights.dispute.domain.DisputeCase;
import cn.smartunion.rights.dispute.domain.DisputeStatus;
import cn.smartunion.rights.dispute.domain.MediationSession;
import cn.smartunion.rights.dispute.domain.Party;
import cn.smartunion.rights.dispute.domain.Referral;
import cn.smartunion.rights.dispute.domain.WorkerParty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A dispute case as answered: workers masked, employer and platform by credit code and pseudonymous id only. */
record DisputeCaseView(String id, String orgId, String orgPath, DisputeStatus status, CaseIntake intake,
                       String workOrderId, List<ClaimType> claimTypes, List<WorkerParty> workers,
                       PartyView employer, PartyView platform, long amountClaimedFen, boolean collective,
                       boolean crossProvince, Instant openedAt, LocalDate openedOn, LegalAid legalAid,
                       List<MediationSession> mediationSessions, boolean mediated, boolean mediationSucceeded,
                       Long agreedFen, LocalDate agreementReachedOn, LocalDate mediationFailedOn,
                       ReferralView referral, Closure closure, int reopenCount, List<String> hardshipReferred) {

    record PartyView(String partyId, String creditCode) {
        static PartyView of(Party p) {
            return p == null ? null : new PartyView(p.partyId(), p.creditCode());
        }
    }

    record LegalAid(String lawyerId, LocalDate grantedOn) {
    }

    record ReferralView(String toBody, LocalDate referredOn, String reference, String outcome, Long awardedFen,
                        LocalDate outcomeRecordedOn) {
        static ReferralView of(Referral r, String outcomeText) {
            return r == null ? null : new ReferralView(r.toBody().name(), r.referredOn(), r.reference(), outcomeText,
                    r.awardedFen(), r.outcomeRecordedOn());
        }
    }

    static DisputeCaseView of(DisputeCase c, String outcomeText) {
        return new DisputeCaseView(c.id(), c.orgId(), c.orgPath(), c.status(), c.intake(), c.workOrderId(),
                c.claimTypes(), c.workers(), PartyView.of(c.employer()), PartyView.of(c.platform()),
                c.amountClaimedFen(), c.collective(), c.crossProvince(), c.openedAt(), c.openedOn(),
                c.lawyerId() == null ? null : new LegalAid(c.lawyerId(), c.legalAidGrantedOn()), c.sessions(),
                c.mediated(), c.mediationSucceeded(), c.agreedFen(), c.agreementReachedOn(), c.mediationFailedOn(),
                ReferralView.of(c.referral(), outcomeText), c.closure(), c.reopenCount(),
                c.hardshipReferred().stream().sorted().toList());
    }

    record ListItem(String id, String orgId, DisputeStatus status, List<ClaimType> claimTypes, int workerCount,
                    boolean collective, long amountClaimedFen, Instant openedAt) {
        static ListItem of(DisputeCase c) {
            return new ListItem(c.id(), c.orgId(), c.status(), c.claimTypes(), c.workers().size(), c.collective(),
                    c.amountClaimedFen(), c.openedAt());
        }
    }
}
