package cn.smartunion.statistics.facts.application;

import cn.smartunion.statistics.facts.domain.Fact;

import java.util.Optional;

/** Where facts are kept: once each, under their event's id. */
public interface FactStore {

    /** @return false when a fact of this event was stored before (a redelivery or a replay) */
    boolean insertOnce(Fact fact);

    /** The latest fact of {@code kind} about the aggregate {@code subjectId}, by date then instant. */
    Optional<Fact> latest(String kind, String subjectId);
}
