package cn.smartunion.aid.aidapplication.application;

import cn.smartunion.aid.access.AidAccess;
import cn.smartunion.aid.aidapplication.domain.AidApplication;
import cn.smartunion.aid.aidapplication.domain.AidApplications;
import cn.smartunion.aid.aidapplication.domain.ApplicationStatus;
import cn.smartunion.aid.disbursement.application.Disburse;
import cn.smartunion.aid.disbursement.application.Disbursement;
import cn.smartunion.aid.disbursement.application.Disbursements;
import cn.smartunion.aid.web.AidStatusConflict;
import cn.smartunion.contracts.aid.DisbursementChannel;
import cn.smartunion.contracts.aid.DisbursementSource;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.stereotype.Service;

import java.time.LocalDate;

/** Pays an approved application through the disbursement ledger, in one payment or several. */
@Service
public class ApplicationPayment {

    private final AidApplications applications;
    private final Disbursements disbursements;

    ApplicationPayment(AidApplications applications, Disbursements disbursements) {
        this.applications = applications;
        this.disbursements = disbursements;
    }

    /**
     * @param amountFen null pays everything approved and still unpaid
     */
    public Disbursement pay(String id, String idempotencyKey, Long amountFen, DisbursementChannel channel,
                            LocalDate disbursedOn, String bankCardNumber, OrgPrincipal caller) {
        AidAccess.requireOfficer(caller);
        AidApplication application = applications.findWithin(id, caller.orgPath())
                .orElseThrow(() -> new NotFoundException("aid application not found"));
        if (application.status() != ApplicationStatus.APPROVED) {
            throw new AidStatusConflict("the application", application.status().name());
        }
        long amount = amountFen != null ? amountFen : applications.paid(id).unpaidFen();
        AidApplication.Decision decision = application.decision();
        return disbursements.disburse(new Disburse(idempotencyKey, DisbursementSource.AID_APPLICATION, id,
                "aid_applications", application.programmeCode(), application.orgId(), application.orgPath(),
                application.cycle(), decision.budgetLineId(), decision.fundingSource(), amount, channel, disbursedOn,
                application.applicantPersonId(), bankCardNumber, caller.subject()));
    }
}
