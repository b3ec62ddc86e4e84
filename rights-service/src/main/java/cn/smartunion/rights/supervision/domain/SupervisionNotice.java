package cn.smartunion.rights.supervision.domain;

import cn.smartunion.contracts.rights.ClaimType;
import cn.smartunion.contracts.rights.NoticeType;
import cn.smartunion.contracts.rights.SupervisionNoticeIssued;
import cn.smartunion.rights.web.RightsRuleViolation;
import cn.smartunion.rights.web.RightsStatusConflict;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A labour-law supervision notice (劳动法律监督 "一函两书": 提示函, 意见书, 建议书) a union issued to an employer, and the
 * employer's reply. The content is free text that may name people: it is kept encrypted ({@code contentCiphertext}).
 */
public final class SupervisionNotice {

    private final String id;
    private final String orgId;
    private final String orgPath;
    private final NoticeType type;
    private final Employer employer;
    private final List<ClaimType> issues;
    private final String caseId;
    private final String contentCiphertext;
    private final LocalDate issuedOn;
    private final String issuedBy;
    private final Instant createdAt;
    private NoticeStatus status;
    private Response response;
    private final Long version;

    public record Response(LocalDate respondedOn, boolean accepted, String recordedBy) {
    }

    public SupervisionNotice(String id, String orgId, String orgPath, NoticeType type, Employer employer,
                             List<ClaimType> issues, String caseId, String contentCiphertext, LocalDate issuedOn,
                             String issuedBy, Instant createdAt, NoticeStatus status, Response response,
                             Long version) {
        this.id = id;
        this.orgId = orgId;
        this.orgPath = orgPath;
        this.type = type;
        this.employer = employer;
        this.issues = List.copyOf(issues);
        this.caseId = caseId;
        this.contentCiphertext = contentCiphertext;
        this.issuedOn = issuedOn;
        this.issuedBy = issuedBy;
        this.createdAt = createdAt;
        this.status = status;
        this.response = response;
        this.version = version;
    }

    /** A new notice, issued; distinct issues, one to seven. */
    public static SupervisionNotice issue(String id, String orgId, String orgPath, NoticeType type, Employer employer,
                                          List<ClaimType> issues, String caseId, String contentCiphertext,
                                          LocalDate issuedOn, String issuedBy, Instant now) {
        List<ClaimType> distinct = issues.stream().distinct().toList();
        if (distinct.isEmpty() || distinct.size() != issues.size()) {
            throw new RightsRuleViolation("issues", "the issues must be one to seven distinct claim types");
        }
        return new SupervisionNotice(id, orgId, orgPath, type, employer, distinct, caseId, contentCiphertext, issuedOn,
                issuedBy, now, NoticeStatus.ISSUED, null, null);
    }

    public SupervisionNoticeIssued issued() {
        return new SupervisionNoticeIssued(id, type, employer.employerId(), caseId, issues, orgId, orgPath, issuedOn);
    }

    /** The employer replied (accepting the union's points or not); a reply before the notice was issued is refused. */
    public void respond(LocalDate respondedOn, boolean accepted, String recordedBy) {
        if (status != NoticeStatus.ISSUED) {
            throw new RightsStatusConflict("the supervision notice", status.name());
        }
        if (respondedOn.isBefore(issuedOn)) {
            throw new RightsRuleViolation("respondedOn", "the reply cannot come before the notice was issued");
        }
        status = NoticeStatus.RESPONDED;
        response = new Response(respondedOn, accepted, recordedBy);
    }

    public String id() { return id; }
    public String orgId() { return orgId; }
    public String orgPath() { return orgPath; }
    public NoticeType type() { return type; }
    public Employer employer() { return employer; }
    public List<ClaimType> issues() { return issues; }
    public String caseId() { return caseId; }
    public String contentCiphertext() { return contentCiphertext; }
    public LocalDate issuedOn() { return issuedOn; }
    public String issuedBy() { return issuedBy; }
    public Instant createdAt() { return createdAt; }
    public NoticeStatus status() { return status; }
    public Response response() { return response; }
    public Long version() { return version; }
}
