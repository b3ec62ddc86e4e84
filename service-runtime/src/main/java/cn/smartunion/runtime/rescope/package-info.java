/**
 * Re-scoping records when a part of the union tree moves: every document whose materialised path lies under the old
 * place gets the same path under the new place. There are no multi-document transactions, so this is done as a
 * crash-safe, idempotent sequence of single-document writes:
 * <ol>
 *   <li>the moved document gets its new path and a {@code rescope {from, to, since}} marker in one write (together
 *       with its outbox event, where it has one);</li>
 *   <li>{@link cn.smartunion.runtime.rescope.SubtreeRescoper#rescope} re-paths the documents under {@code from} in
 *       batches, each by an update conditional on the document still having the old path, so a repeated or
 *       concurrent run changes nothing twice;</li>
 *   <li>the marker is removed, again conditionally;</li>
 *   <li>a {@link cn.smartunion.runtime.rescope.RescopeSweeper} finishes, at start-up and periodically, every marker a
 *       crash left behind.</li>
 * </ol>
 * Collections that merely hold a copy of an owner's path (members, cases) call
 * {@link cn.smartunion.runtime.rescope.SubtreeRescoper#rescope} with {@code includeRoot} when they see an
 * {@code OrgMoved} event.
 */
package cn.smartunion.runtime.rescope;
