package cn.smartunion.aid.mutualaid.domain;

import java.util.List;
import java.util.Optional;

public interface Plans {

    void add(MutualAidPlan plan);

    /** Appends {@code version} if the plan's latest version is still {@code version.version() - 1}; false if not. */
    boolean publish(String planId, PlanVersion version);

    Optional<MutualAidPlan> find(String planId);

    /** Plans a union at {@code orgPath} can see: its own and higher unions', and those below it. */
    Optional<MutualAidPlan> findVisibleTo(String planId, String orgPath);

    List<MutualAidPlan> listVisibleTo(String orgPath, Integer planYear, String programmeCode, int page, int size);

    long countVisibleTo(String orgPath, Integer planYear, String programmeCode);
}
