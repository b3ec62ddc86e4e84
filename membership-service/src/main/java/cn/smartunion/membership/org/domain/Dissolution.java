package cn.smartunion.membership.org.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * How an organisation ended (撤销).
 *
 * @param reasonCode  e.g. ENTERPRISE_CLOSED, MERGED, PROJECT_COMPLETED
 * @param effectiveOn the date it took effect
 * @param recordedAt  when it was recorded
 */
public record Dissolution(String reasonCode, LocalDate effectiveOn, Instant recordedAt) {
}
