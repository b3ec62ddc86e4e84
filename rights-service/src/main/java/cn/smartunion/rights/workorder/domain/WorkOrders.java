package cn.smartunion.rights.workorder.domain;

import cn.smartunion.contracts.rights.Complexity;
import cn.smartunion.contracts.rights.OrderCategory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port to the stored work orders; every write carries its events into the same single-document write (outbox). */
public interface WorkOrders {

    void add(WorkOrder order, List<Object> events);

    /** @throws ConcurrentChange when the order changed since it was read (optimistic {@code version}) */
    void update(WorkOrder order, List<Object> events);

    /**
     * Records a breach and its escalation only if the order was not breached yet and is unchanged since read.
     *
     * @return whether this call recorded it (false: another sweep or replica did, or the order moved on)
     */
    boolean recordBreach(WorkOrder order, List<Object> events);

    Optional<WorkOrder> find(String id);

    /** The order if it is owned within {@code scopePath} or granted to a union within it. */
    Optional<WorkOrder> findReadable(String id, String scopePath);

    List<WorkOrder> listReadable(String scopePath, Filter filter, Instant now, int page, int size);

    long countReadable(String scopePath, Filter filter, Instant now);

    /** Open orders past their due time and not yet marked breached. */
    List<WorkOrder> overdueUnbreached(Instant now, int limit);

    /** Audit of a read made through a grant (not through ownership). */
    void logGrantedAccess(String orderId, String subject, String orgPath, Instant at);

    record Filter(WorkOrderStatus status, OrderCategory category, Complexity complexity, boolean overdue) {
    }

    class ConcurrentChange extends RuntimeException {
        public ConcurrentChange(String id) {
            super("work order " + id + " changed concurrently");
        }
    }
}
