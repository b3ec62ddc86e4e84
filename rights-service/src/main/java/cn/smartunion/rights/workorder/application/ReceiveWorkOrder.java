package cn.smartunion.rights.workorder.application;

import cn.smartunion.contracts.rights.Complexity;
import cn.smartunion.contracts.rights.IntakeChannel;
import cn.smartunion.contracts.rights.OrderCategory;

import java.time.Instant;

/** An intake at the centre; {@code callerPhone}/{@code callerName} null for an anonymous caller. */
public record ReceiveWorkOrder(String orgId, IntakeChannel channel, OrderCategory category, Complexity complexity,
                               String callerPhone, String callerName, String summary, Instant receivedAt) {

    @Override
    public String toString() {
        return "ReceiveWorkOrder[" + orgId + ", " + channel + ", " + category + ", " + complexity + "]";
    }
}
