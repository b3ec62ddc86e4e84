package cn.smartunion.aid.casefile.domain;

import java.time.Instant;
import java.time.LocalDate;

/** A follow-up visit to the household (动态监测) and the relapse risk the visitor judged. */
public record MonitoringVisit(LocalDate visitedOn, RelapseRisk relapseRisk, String actorSubject, Instant recordedAt) {
}
