package cn.smartunion.rights.dispute.domain;

import java.util.List;

/** A worker party to a case: pseudonymous id, masked forms for display, membership and group tags. */
public record WorkerParty(String personId, String maskedName, String maskedIdNumber, String memberId,
                          List<String> groupTags) {

    public WorkerParty {
        groupTags = groupTags == null ? List.of() : List.copyOf(groupTags);
    }
}
