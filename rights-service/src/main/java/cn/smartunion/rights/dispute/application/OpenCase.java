package cn.smartunion.rights.dispute.application;

import cn.smartunion.contracts.rights.CaseIntake;
import cn.smartunion.contracts.rights.ClaimType;

import java.util.List;

/** What opening a dispute case needs; names and ID numbers are only passed on to the people registry. */
public record OpenCase(String orgId, CaseIntake intake, String workOrderId, List<ClaimType> claimTypes,
                       List<Worker> workers, Organisation employer, Organisation platform, long amountClaimedFen,
                       Boolean collective, boolean crossProvince) {

    public record Worker(String citizenIdNumber, String legalName, String memberId, List<String> groupTags) {
    }

    public record Organisation(String creditCode, String name) {
    }
}
