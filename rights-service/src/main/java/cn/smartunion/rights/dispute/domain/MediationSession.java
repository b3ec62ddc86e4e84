package cn.smartunion.rights.dispute.domain;

import cn.smartunion.contracts.rights.MediationBody;

import java.time.LocalDate;
import java.util.List;

public record MediationSession(String sessionId, MediationBody mechanism, List<MediationBody> partiesPresent,
                               LocalDate heldOn, String actorSubject) {

    public MediationSession {
        partiesPresent = List.copyOf(partiesPresent);
    }
}
