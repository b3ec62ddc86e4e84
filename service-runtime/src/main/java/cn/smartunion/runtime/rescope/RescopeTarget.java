package cn.smartunion.runtime.rescope;

import java.util.Objects;

/**
 * A collection whose documents are scoped by a materialised path, and how a rescope treats them. Declare one as a
 * bean for every collection that carries {@link SubtreeRescoper#MARKER markers}, so the {@link RescopeSweeper}
 * finishes what a crash left behind.
 *
 * @param collection   the MongoDB collection
 * @param pathField    the field holding the path (dotted for an embedded field, e.g. {@code owner.path})
 * @param includeRoot  whether a document whose path is exactly the old path moves too (true for records owned by
 *                     the moved unit; false for the tree itself, where the moved unit got its new path already)
 * @param versionField a counter incremented on every re-pathed document, so a writer that read the document before
 *                     the rescope fails its optimistic-lock check instead of writing the old path back; null for
 *                     projections whose version field means something else
 */
public record RescopeTarget(String collection, String pathField, boolean includeRoot, String versionField) {

    public RescopeTarget {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(pathField, "pathField");
    }

    /** The documents strictly below the moved one, in a collection that holds the tree itself. */
    public static RescopeTarget treeBelow(String collection, String pathField, String versionField) {
        return new RescopeTarget(collection, pathField, false, versionField);
    }

    /** Every document owned by the moved unit or a unit below it, e.g. members by their union's path. */
    public static RescopeTarget ownedRecords(String collection, String pathField, String versionField) {
        return new RescopeTarget(collection, pathField, true, versionField);
    }
}
