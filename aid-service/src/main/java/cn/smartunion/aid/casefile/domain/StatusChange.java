package cn.smartunion.aid.casefile.domain;

import java.time.Instant;

/** One entry of a case's history: the status it entered, who moved it there and when. */
public record StatusChange(CaseStatus status, String actorSubject, Instant at) {
}
