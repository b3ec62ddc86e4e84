package cn.smartunion.rights.supervision.application;

import cn.smartunion.contracts.rights.ClaimType;
import cn.smartunion.contracts.rights.NoticeType;
import cn.smartunion.rights.access.RightsAccess;
import cn.smartunion.rights.supervision.domain.Employer;
import cn.smartunion.rights.supervision.domain.SupervisionNotice;
import cn.smartunion.rights.supervision.domain.SupervisionNotices;
import cn.smartunion.rights.web.PageView;
import cn.smartunion.rights.web.RightsRuleViolation;
import cn.smartunion.rights.web.RightsStatusConflict;
import cn.smartunion.runtime.orgdirectory.OrgDirectory;
import cn.smartunion.runtime.orgdirectory.OrgDirectoryEntry;
import cn.smartunion.runtime.personaldata.InvalidUnifiedSocialCreditCodeException;
import cn.smartunion.runtime.personaldata.PersonalDataProtector;
import cn.smartunion.runtime.personaldata.UnifiedSocialCreditCode;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Rights agents issue supervision notices to employers and record the replies; readers see them within their
 * subtree. The notice content is decrypted for case workers only.
 */
@Service
public class SupervisionNoticing {

    private final SupervisionNotices notices;
    private final OrgDirectory unions;
    private final PersonalDataProtector protector;
    private final Clock clock;

    SupervisionNoticing(SupervisionNotices notices, OrgDirectory unions, PersonalDataProtector protector, Clock clock) {
        this.notices = notices;
        this.unions = unions;
        this.protector = protector;
        this.clock = clock;
    }

    public record IssueNotice(String orgId, NoticeType type, String employerCreditCode, String employerName,
                              List<ClaimType> issues, String caseId, String content, LocalDate issuedOn) {

        @Override
        public String toString() {
            return "IssueNotice[" + type + "]";
        }
    }

    public record Found(SupervisionNotice notice, String content) {
    }

    public SupervisionNotice issue(IssueNotice command, OrgPrincipal caller) {
        RightsAccess.requireAgent(caller);
        OrgDirectoryEntry org = unions.activeWithin("orgId", command.orgId(), caller);
        String code = creditCode("employer.creditCode", command.employerCreditCode());
        SupervisionNotice notice = SupervisionNotice.issue(UUID.randomUUID().toString(), org.orgId(), org.path(),
                command.type(), Employer.of(code, command.employerName().strip()), command.issues(), command.caseId(),
                protector.encrypt(command.content().strip()), command.issuedOn(), caller.subject(), clock.instant());
        notices.add(notice, notice.issued());
        return notice;
    }

    public SupervisionNotice respond(String id, LocalDate respondedOn, boolean accepted, OrgPrincipal caller) {
        RightsAccess.requireAgent(caller);
        SupervisionNotice notice = find(id, caller);
        notice.respond(respondedOn, accepted, caller.subject());
        try {
            notices.update(notice);
        }
        catch (SupervisionNotices.ConcurrentChange lost) {
            throw new RightsStatusConflict("the supervision notice", find(id, caller).status().name());
        }
        return notice;
    }

    public Found get(String id, OrgPrincipal caller) {
        RightsAccess.requireReader(caller);
        SupervisionNotice notice = find(id, caller);
        boolean caseWorker = caller.hasRole(RightsAccess.AGENT) || caller.hasRole(RightsAccess.MEDIATOR);
        return new Found(notice, caseWorker ? protector.decrypt(notice.contentCiphertext()) : null);
    }

    public PageView<Found> list(OrgPrincipal caller, SupervisionNotices.Filter filter, int page, int size) {
        RightsAccess.requireReader(caller);
        SupervisionNotices.Filter normalised = filter.employerCreditCode() == null ? filter
                : new SupervisionNotices.Filter(filter.type(),
                creditCode("employerCreditCode", filter.employerCreditCode()), filter.status());
        return new PageView<>(notices.listWithin(caller.orgPath(), normalised, page, size).stream()
                .map(n -> new Found(n, null)).toList(), page, size, notices.countWithin(caller.orgPath(), normalised));
    }

    private SupervisionNotice find(String id, OrgPrincipal caller) {
        return notices.findWithin(id, caller.orgPath())
                .orElseThrow(() -> new NotFoundException("supervision notice not found"));
    }

    /** The normalised code, or a 400 naming {@code field} (never echoing the value). */
    static String creditCode(String field, String text) {
        try {
            return UnifiedSocialCreditCode.parse(text).value();
        }
        catch (InvalidUnifiedSocialCreditCodeException invalid) {
            throw new RightsRuleViolation(field, "not a valid unified social credit code (" + invalid.reason() + ")",
                    invalid);
        }
    }
}
