package cn.smartunion.rights.workorder.domain;

import java.util.Optional;

/** Port to the org directory for what the order flow needs: a union's parent. */
public interface ParentUnions {

    /** The parent of {@code orgId}, empty at the top of the tree (or when unknown). */
    Optional<Union> parentOf(String orgId);

    record Union(String orgId, String orgPath) {
    }
}
