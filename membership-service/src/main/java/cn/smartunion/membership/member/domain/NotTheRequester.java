package cn.smartunion.membership.member.domain;

/**
 * Only the side that asked for a transfer withdraws it: the member's own account for a request the member made,
 * staff of the origin union for a request staff made on the member's behalf.
 */
public class NotTheRequester extends RuntimeException {

    public NotTheRequester() {
        super("Only the requester of a transfer may withdraw it");
    }
}
