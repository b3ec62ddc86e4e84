package cn.smartunion.contracts.rights;

import java.time.LocalDate;
import java.util.List;

/**
 * A union issued a labour-law supervision notice (劳动法律监督提示函 / 意见书 / 建议书) to an employer (topic
 * {@code rights.supervision.v1}, key = noticeId). Pseudonymous: ids only.
 *
 * @param employerId pseudonymous id of the employer
 * @param caseId     the dispute case behind it, null when none
 * @param issues     what the notice is about, one to seven distinct types
 */
public record SupervisionNoticeIssued(
        String noticeId,
        NoticeType type,
        String employerId,
        String caseId,
        List<ClaimType> issues,
        String orgId,
        String orgPath,
        LocalDate issuedOn) {
}
