package cn.smartunion.statistics.metrics.application;

import java.util.List;
import java.util.Optional;

/** The union organisations, as the org directory knows them. */
public interface UnionTree {

    record Union(String orgId, String name, String orgType, String path, boolean dissolved) {
    }

    Optional<Union> byPath(String path);

    /** The unions directly below {@code path}, dissolved ones included (their past still counts), by path. */
    List<Union> childrenOf(String path);
}
