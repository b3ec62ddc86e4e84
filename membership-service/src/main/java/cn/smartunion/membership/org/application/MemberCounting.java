package cn.smartunion.membership.org.application;

import cn.smartunion.contracts.membership.MemberActivated;
import cn.smartunion.contracts.membership.MemberTransferred;
import cn.smartunion.contracts.membership.MembershipReinstated;
import cn.smartunion.contracts.membership.MembershipRetained;
import cn.smartunion.contracts.membership.MembershipTerminated;
import cn.smartunion.membership.org.domain.MemberPlacements;
import org.springframework.stereotype.Service;

/**
 * Counting members per organisation from the member events: an activation places the member at its union, a
 * transfer at the destination, a termination removes it; retained and reinstated members stay (or are again)
 * counted where they are. Each effect is applied once per event id.
 */
@Service
public class MemberCounting {

    private final MemberPlacements placements;

    public MemberCounting(MemberPlacements placements) {
        this.placements = placements;
    }

    public boolean activated(String eventId, MemberActivated event) {
        return placements.place(eventId, event.memberId(), event.orgId());
    }

    public boolean transferred(String eventId, MemberTransferred event) {
        return placements.place(eventId, event.memberId(), event.toOrgId());
    }

    public boolean retained(String eventId, MembershipRetained event) {
        return placements.place(eventId, event.memberId(), event.orgId());
    }

    public boolean reinstated(String eventId, MembershipReinstated event) {
        return placements.place(eventId, event.memberId(), event.orgId());
    }

    public boolean terminated(String eventId, MembershipTerminated event) {
        return placements.remove(eventId, event.memberId());
    }
}
