package cn.smartunion.aid.casefile.application;

import cn.smartunion.contracts.aid.IdentificationChannel;

/** A household came to the union's attention; {@code memberId} is the union member it is filed through, if any. */
public record IdentifyHousehold(String orgId, String programmeCode, String cycle, IdentificationChannel identifiedBy,
                                NamedPerson head, String memberId) {
}
