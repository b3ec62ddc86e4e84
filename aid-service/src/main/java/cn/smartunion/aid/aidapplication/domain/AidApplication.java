package cn.smartunion.aid.aidapplication.domain;

import cn.smartunion.aid.web.AidStatusConflict;
import cn.smartunion.contracts.aid.AidApplicationApproved;
import cn.smartunion.contracts.aid.AidApplicationRejected;
import cn.smartunion.contracts.aid.AidApplicationSubmitted;
import cn.smartunion.contracts.aid.AidRejectionReason;
import cn.smartunion.contracts.aid.ApprovalLevel;
import cn.smartunion.contracts.aid.BeneficiaryType;
import cn.smartunion.contracts.aid.FundingSource;

import java.time.Instant;

/**
 * An application for a programme's grant (金秋助学 for a worker's child, a one-off grant): submitted by or for a
 * worker, member or not, decided by an approver who is not the submitter, paid through the ledger. State changes
 * return the contract event they raise.
 */
public final class AidApplication {

    private final String id;
    private final String programmeCode;
    private final String campaignId;
    private final String orgId;
    private final String orgPath;
    private final String cycle;
    private final BeneficiaryType applicantType;
    private final String memberId;
    private final String applicantPersonId;
    private final String applicantMaskedName;
    private final String applicantMaskedIdNumber;
    private final Student student;
    private final long requestedFen;
    private final String submittedBy;
    private final Instant submittedAt;
    private ApplicationStatus status;
    private Decision decision;
    private final Long version;

    /** What the approver decided, kept from the start of the approval on. */
    public record Decision(String approvedBy, ApprovalLevel level, String budgetLineId, FundingSource fundingSource,
                           long approvedFen, AidRejectionReason rejectionReason, Instant decidedAt) {
    }

    public AidApplication(String id, String programmeCode, String campaignId, String orgId, String orgPath,
                          String cycle, BeneficiaryType applicantType, String memberId, String applicantPersonId,
                          String applicantMaskedName, String applicantMaskedIdNumber, Student student,
                          long requestedFen, String submittedBy, Instant submittedAt, ApplicationStatus status,
                          Decision decision, Long version) {
        this.id = id;
        this.programmeCode = programmeCode;
        this.campaignId = campaignId;
        this.orgId = orgId;
        this.orgPath = orgPath;
        this.cycle = cycle;
        this.applicantType = applicantType;
        this.memberId = memberId;
        this.applicantPersonId = applicantPersonId;
        this.applicantMaskedName = applicantMaskedName;
        this.applicantMaskedIdNumber = applicantMaskedIdNumber;
        this.student = student;
        this.requestedFen = requestedFen;
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
        this.status = status;
        this.decision = decision;
        this.version = version;
    }

    public AidApplicationSubmitted submitted() {
        return new AidApplicationSubmitted(id, programmeCode, campaignId, orgId, orgPath, cycle, applicantType,
                memberId, applicantPersonId, student != null, requestedFen, submittedAt);
    }

    /** The approver's decision is recorded first; the money is committed next; {@link #approve} completes it. */
    public void startApproval(Decision decision) {
        require(ApplicationStatus.SUBMITTED);
        if (decision.approvedFen() <= 0 || decision.approvedFen() > requestedFen) {
            throw new IllegalArgumentException("the approved amount must be positive and at most the requested one");
        }
        this.status = ApplicationStatus.APPROVING;
        this.decision = decision;
    }

    public AidApplicationApproved approve() {
        require(ApplicationStatus.APPROVING);
        status = ApplicationStatus.APPROVED;
        return new AidApplicationApproved(id, programmeCode, campaignId, orgId, orgPath, cycle,
                decision.budgetLineId(), decision.fundingSource(), decision.approvedFen(), decision.decidedAt());
    }

    /** The money could not be committed: the application waits for another decision. */
    public void abandonApproval() {
        require(ApplicationStatus.APPROVING);
        status = ApplicationStatus.SUBMITTED;
        decision = null;
    }

    public AidApplicationRejected reject(String rejectedBy, AidRejectionReason reason, Instant at) {
        require(ApplicationStatus.SUBMITTED);
        status = ApplicationStatus.REJECTED;
        decision = new Decision(rejectedBy, null, null, null, 0, reason, at);
        return new AidApplicationRejected(id, programmeCode, campaignId, orgId, orgPath, cycle, reason, at);
    }

    public void withdraw() {
        require(ApplicationStatus.SUBMITTED);
        status = ApplicationStatus.WITHDRAWN;
    }

    /** The commitment of this application's approval on its budget line: one per application, so retries reuse it. */
    public String commitmentId() {
        return "application:" + id;
    }

    private void require(ApplicationStatus expected) {
        if (status != expected) {
            throw new AidStatusConflict("the application", status.name());
        }
    }

    public String id() { return id; }
    public String programmeCode() { return programmeCode; }
    public String campaignId() { return campaignId; }
    public String orgId() { return orgId; }
    public String orgPath() { return orgPath; }
    public String cycle() { return cycle; }
    public BeneficiaryType applicantType() { return applicantType; }
    public String memberId() { return memberId; }
    public String applicantPersonId() { return applicantPersonId; }
    public String applicantMaskedName() { return applicantMaskedName; }
    public String applicantMaskedIdNumber() { return applicantMaskedIdNumber; }
    public Student student() { return student; }
    public long requestedFen() { return requestedFen; }
    public String submittedBy() { return submittedBy; }
    public Instant submittedAt() { return submittedAt; }
    public ApplicationStatus status() { return status; }
    public Decision decision() { return decision; }
    public Long version() { return version; }
}
