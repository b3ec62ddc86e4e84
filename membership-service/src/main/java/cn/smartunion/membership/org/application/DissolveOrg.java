package cn.smartunion.membership.org.application;

import java.time.LocalDate;

/** Dissolve an organisation that has no active units under it and no members. */
public record DissolveOrg(String orgId, String reasonCode, LocalDate effectiveOn) {
}
