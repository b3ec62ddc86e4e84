package cn.smartunion.aid.notice.application;

import java.time.LocalDate;

/** One line of the public notice (公示) of approved beneficiaries: name and ID number masked, nothing else personal. */
public record PublicNotice(String id, String programmeCode, String cycle, String orgId, String orgPath,
                           String maskedName, String maskedIdNumber, long amountFen, LocalDate approvedOn) {
}
