package cn.smartunion.rights.workorder.domain;

import cn.smartunion.contracts.rights.Complexity;
import cn.smartunion.contracts.rights.EscalationReason;
import cn.smartunion.contracts.rights.HardshipReferralSource;
import cn.smartunion.contracts.rights.HardshipReferred;
import cn.smartunion.contracts.rights.IntakeChannel;
import cn.smartunion.contracts.rights.OrderCategory;
import cn.smartunion.contracts.rights.OrderOutcome;
import cn.smartunion.contracts.rights.SlaBreached;
import cn.smartunion.contracts.rights.WorkOrderAccepted;
import cn.smartunion.contracts.rights.WorkOrderClosed;
import cn.smartunion.contracts.rights.WorkOrderCreated;
import cn.smartunion.contracts.rights.WorkOrderDispatched;
import cn.smartunion.contracts.rights.WorkOrderEscalated;
import cn.smartunion.contracts.rights.WorkOrderRated;
import cn.smartunion.contracts.rights.WorkOrderResolved;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A 12351 work order (维权工单). Owned by the receiving centre ({@code orgId/orgPath}); handled by the union it was last
 * dispatched to ({@code handlingOrgId/handlingOrgPath}), which sees it through an explicit grant. State-changing
 * methods check the transition ({@link IllegalTransition} otherwise) and return the contract events to publish.
 */
public final class WorkOrder {

    public static final int MAX_NOTES = 200;

    private final String id;
    private final IntakeChannel channel;
    private OrderCategory category;
    private Complexity complexity;
    private final Caller caller;
    private final String summaryCiphertext;
    private final String orgId;
    private final String orgPath;
    private String handlingOrgId;
    private String handlingOrgPath;
    private final Instant receivedAt;
    private Instant dueAt;
    private WorkOrderStatus status;
    private final List<Grant> grants;
    private final List<Note> notes;
    private String referralId;
    private boolean slaBreached;
    private boolean escalated;
    private String escalatedToOrgId;
    private String escalatedToOrgPath;
    private Resolution resolution;
    private Integer rating;
    private Instant closedAt;
    private final String createdBy;
    private final long version;

    public record Resolution(OrderOutcome outcome, long amountRecoveredFen, boolean withinSla, Instant resolvedAt,
                             String resolvedBy) {
    }

    /** The order is not in a status (or held by a union) that allows the action. */
    public static final class IllegalTransition extends RuntimeException {
        private final WorkOrderStatus status;

        IllegalTransition(String action, WorkOrderStatus status) {
            super("cannot " + action + " a work order that is " + status);
            this.status = status;
        }

        public WorkOrderStatus status() {
            return status;
        }
    }

    public WorkOrder(String id, IntakeChannel channel, OrderCategory category, Complexity complexity, Caller caller,
                     String summaryCiphertext, String orgId, String orgPath, String handlingOrgId,
                     String handlingOrgPath, Instant receivedAt, Instant dueAt, WorkOrderStatus status,
                     List<Grant> grants, List<Note> notes, String referralId, boolean slaBreached, boolean escalated,
                     String escalatedToOrgId, String escalatedToOrgPath, Resolution resolution, Integer rating,
                     Instant closedAt, String createdBy, long version) {
        this.id = Objects.requireNonNull(id);
        this.channel = channel;
        this.category = category;
        this.complexity = complexity;
        this.caller = caller == null ? Caller.ANONYMOUS : caller;
        this.summaryCiphertext = summaryCiphertext;
        this.orgId = orgId;
        this.orgPath = orgPath;
        this.handlingOrgId = handlingOrgId;
        this.handlingOrgPath = handlingOrgPath;
        this.receivedAt = receivedAt;
        this.dueAt = dueAt;
        this.status = status;
        this.grants = new ArrayList<>(grants);
        this.notes = new ArrayList<>(notes);
        this.referralId = referralId;
        this.slaBreached = slaBreached;
        this.escalated = escalated;
        this.escalatedToOrgId = escalatedToOrgId;
        this.escalatedToOrgPath = escalatedToOrgPath;
        this.resolution = resolution;
        this.rating = rating;
        this.closedAt = closedAt;
        this.createdBy = createdBy;
        this.version = version;
    }

    /** A new order at the centre; its events are {@code WorkOrderCreated} and, for an aid request, the referral. */
    public static Received receive(String id, IntakeChannel channel, OrderCategory category, Complexity complexity,
                                   Caller caller, String summaryCiphertext, String orgId, String orgPath,
                                   Instant receivedAt, Instant dueAt, String createdBy, Instant now) {
        WorkOrder order = new WorkOrder(id, channel, category, complexity, caller, summaryCiphertext, orgId, orgPath,
                orgId, orgPath, receivedAt, dueAt, WorkOrderStatus.RECEIVED, List.of(), List.of(), null, false,
                false, null, null, null, null, null, createdBy, 0);
        List<Object> events = new ArrayList<>();
        events.add(new WorkOrderCreated(id, channel, category, complexity, order.caller.anonymous(), orgId, orgPath,
                dueAt, now));
        order.referIfAidRequest(now).ifPresent(events::add);
        return new Received(order, events);
    }

    public record Received(WorkOrder order, List<Object> events) {
    }

    /** Re-classifies an unresolved order; {@code dueAt} is recomputed by the caller from {@link #receivedAt()}. */
    public List<Object> classify(OrderCategory newCategory, Complexity newComplexity, Instant newDueAt, Instant now) {
        requireStatus("re-classify", status.open());
        category = newCategory;
        complexity = newComplexity;
        dueAt = newDueAt;
        List<Object> events = new ArrayList<>();
        referIfAidRequest(now).ifPresent(events::add);
        return events;
    }

    private java.util.Optional<HardshipReferred> referIfAidRequest(Instant now) {
        if (category != OrderCategory.AID_REQUEST || referralId != null) {
            return java.util.Optional.empty();
        }
        referralId = referralIdFor(id);
        return java.util.Optional.of(new HardshipReferred(referralId, HardshipReferralSource.WORK_ORDER, id, null,
                null, orgId, orgPath, now));
    }

    /** Deterministic, so an order is referred once whatever the retries. */
    public static String referralIdFor(String orderId) {
        return UUID.nameUUIDFromBytes(("work-order:" + orderId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Passes the order down to a union below the handling one, granting it access. */
    public WorkOrderDispatched dispatch(String toOrgId, String toOrgPath, String by, Instant now) {
        requireStatus("dispatch", status == WorkOrderStatus.RECEIVED || status == WorkOrderStatus.ACCEPTED);
        if (!toOrgPath.startsWith(handlingOrgPath + "/")) {
            throw new IllegalArgumentException("a work order is dispatched to a union below the one handling it");
        }
        String fromOrgId = handlingOrgId;
        String fromOrgPath = handlingOrgPath;
        grant(toOrgId, toOrgPath, by, now);
        handlingOrgId = toOrgId;
        handlingOrgPath = toOrgPath;
        status = WorkOrderStatus.DISPATCHED;
        return new WorkOrderDispatched(id, fromOrgId, fromOrgPath, toOrgId, toOrgPath, dueAt, now);
    }

    private void grant(String toOrgId, String toOrgPath, String by, Instant now) {
        if (toOrgPath.equals(orgPath) || activeGrantPaths().contains(toOrgPath)) {
            return;
        }
        grants.add(new Grant(toOrgId, toOrgPath, by, now, null));
    }

    /** The dispatch target takes the order on (签收). */
    public WorkOrderAccepted accept(String byOrgPath, Instant now) {
        requireStatus("accept", status == WorkOrderStatus.DISPATCHED);
        if (!handlingOrgPath.equals(byOrgPath)) {
            throw new IllegalTransition("accept (only the union it was dispatched to may)", status);
        }
        status = WorkOrderStatus.ACCEPTED;
        return new WorkOrderAccepted(id, handlingOrgId, handlingOrgPath, now);
    }

    public void addNote(Note note) {
        requireStatus("add a note to", status != WorkOrderStatus.CLOSED);
        if (notes.size() >= MAX_NOTES) {
            throw new IllegalTransition("add more than " + MAX_NOTES + " notes to", status);
        }
        notes.add(note);
    }

    /** Resolved by the handling union after accepting it, or by the centre itself without dispatch. */
    public WorkOrderResolved resolve(OrderOutcome outcome, long amountRecoveredFen, String by, Instant now) {
        requireStatus("resolve", status == WorkOrderStatus.ACCEPTED
                || status == WorkOrderStatus.RECEIVED && handlingOrgPath.equals(orgPath));
        boolean withinSla = !now.isAfter(dueAt);
        resolution = new Resolution(outcome, amountRecoveredFen, withinSla, now, by);
        status = WorkOrderStatus.RESOLVED;
        return new WorkOrderResolved(id, handlingOrgId, handlingOrgPath, outcome, amountRecoveredFen, withinSla, now);
    }

    /** The centre records the caller's rating, 1 to 5. */
    public WorkOrderRated rate(int value, Instant now) {
        requireStatus("rate", status == WorkOrderStatus.RESOLVED);
        if (value < 1 || value > 5) {
            throw new IllegalArgumentException("a rating is 1 to 5");
        }
        rating = value;
        status = WorkOrderStatus.RATED;
        return new WorkOrderRated(id, orgId, orgPath, value, now);
    }

    /** Archives the order; every active grant ends. */
    public WorkOrderClosed close(Instant now) {
        requireStatus("close", status == WorkOrderStatus.RESOLVED || status == WorkOrderStatus.RATED);
        grants.replaceAll(g -> g.active() ? g.end(now) : g);
        status = WorkOrderStatus.CLOSED;
        closedAt = now;
        return new WorkOrderClosed(id, orgId, orgPath, resolution != null && resolution.withinSla(), now);
    }

    /**
     * Escalates to the parent of the handling union ({@code parentOrgId/Path} null at the top: escalated within it),
     * granting the parent access when it is not the owner. For an SLA breach it also marks the order breached and
     * emits {@code SlaBreached} first.
     */
    public List<Object> escalate(EscalationReason reason, String parentOrgId, String parentOrgPath, String by,
                                 Instant now) {
        requireStatus("escalate", status.open());
        List<Object> events = new ArrayList<>();
        if (reason == EscalationReason.SLA_BREACHED) {
            if (slaBreached || !now.isAfter(dueAt)) {
                throw new IllegalTransition("mark as breached", status);
            }
            slaBreached = true;
            events.add(new SlaBreached(id, handlingOrgId, handlingOrgPath, complexity, dueAt, now));
        }
        if (parentOrgPath != null) {
            grant(parentOrgId, parentOrgPath, by, now);
        }
        escalated = true;
        escalatedToOrgId = parentOrgId;
        escalatedToOrgPath = parentOrgPath;
        events.add(new WorkOrderEscalated(id, handlingOrgId, handlingOrgPath, parentOrgId, parentOrgPath, reason,
                now));
        return events;
    }

    public boolean overdue(Instant now) {
        return status.open() && now.isAfter(dueAt);
    }

    private void requireStatus(String action, boolean allowed) {
        if (!allowed) {
            throw new IllegalTransition(action, status);
        }
    }

    public List<String> activeGrantPaths() {
        return grants.stream().filter(Grant::active).map(Grant::orgPath).distinct().toList();
    }

    public String id() { return id; }
    public IntakeChannel channel() { return channel; }
    public OrderCategory category() { return category; }
    public Complexity complexity() { return complexity; }
    public Caller caller() { return caller; }
    public String summaryCiphertext() { return summaryCiphertext; }
    public String orgId() { return orgId; }
    public String orgPath() { return orgPath; }
    public String handlingOrgId() { return handlingOrgId; }
    public String handlingOrgPath() { return handlingOrgPath; }
    public Instant receivedAt() { return receivedAt; }
    public Instant dueAt() { return dueAt; }
    public WorkOrderStatus status() { return status; }
    public List<Grant> grants() { return List.copyOf(grants); }
    public List<Note> notes() { return List.copyOf(notes); }
    public String referralId() { return referralId; }
    public boolean slaBreached() { return slaBreached; }
    public boolean escalated() { return escalated; }
    public String escalatedToOrgId() { return escalatedToOrgId; }
    public String escalatedToOrgPath() { return escalatedToOrgPath; }
    public Resolution resolution() { return resolution; }
    public Integer rating() { return rating; }
    public Instant closedAt() { return closedAt; }
    public String createdBy() { return createdBy; }
    public long version() { return version; }
}
