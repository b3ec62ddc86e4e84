package cn.smartunion.membership.member.application;

import cn.smartunion.membership.member.domain.TransferReason;

/** Move a membership to the union {@code toOrgId} (anywhere in the tree) for {@code reason}. */
public record RequestTransfer(String toOrgId, TransferReason reason) {
}
