package cn.smartunion.rights.workorder.domain;

import java.time.Instant;

/** An explicit, audited grant letting a union below the centre see and work one order; ended on close. */
public record Grant(String orgId, String orgPath, String grantedBy, Instant grantedAt, Instant endedAt) {

    public boolean active() {
        return endedAt == null;
    }

    Grant end(Instant at) {
        return new Grant(orgId, orgPath, grantedBy, grantedAt, at);
    }
}
