package cn.smartunion.rights.workorder.application;

import cn.smartunion.contracts.rights.Complexity;
import cn.smartunion.contracts.rights.EscalationReason;
import cn.smartunion.contracts.rights.OrderCategory;
import cn.smartunion.contracts.rights.OrderOutcome;
import cn.smartunion.rights.access.RightsAccess;
import cn.smartunion.rights.calendar.domain.WorkingCalendar;
import cn.smartunion.rights.web.RightsRuleViolation;
import cn.smartunion.rights.web.RightsStatusConflict;
import cn.smartunion.rights.workorder.domain.Caller;
import cn.smartunion.rights.workorder.domain.Note;
import cn.smartunion.rights.workorder.domain.ParentUnions;
import cn.smartunion.rights.workorder.domain.WorkOrder;
import cn.smartunion.rights.workorder.domain.WorkOrders;
import cn.smartunion.runtime.orgdirectory.OrgDirectory;
import cn.smartunion.runtime.orgdirectory.OrgDirectoryEntry;
import cn.smartunion.runtime.personaldata.Masking;
import cn.smartunion.runtime.personaldata.PersonalDataProtector;
import cn.smartunion.runtime.personaldata.ProtectedValue;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The 12351 work-order flow: intake and classification at the centre, dispatch down the tree with an audited grant,
 * accept / notes / resolve by the handling union, rating and closing at the centre, manual escalation. Every change is
 * one version-guarded single-document write carrying its events (outbox).
 */
@Service
public class WorkOrderDesk {

    private final WorkOrders orders;
    private final OrgDirectory unions;
    private final ParentUnions parents;
    private final WorkingCalendar calendar;
    private final PersonalDataProtector protector;
    private final Clock clock;

    WorkOrderDesk(WorkOrders orders, OrgDirectory unions, ParentUnions parents, WorkingCalendar calendar,
                  PersonalDataProtector protector, Clock clock) {
        this.orders = orders;
        this.unions = unions;
        this.parents = parents;
        this.calendar = calendar;
        this.protector = protector;
        this.clock = clock;
    }

    public WorkOrder receive(ReceiveWorkOrder command, OrgPrincipal caller) {
        RightsAccess.requireAgent(caller);
        OrgDirectoryEntry centre = unions.activeWithin("orgId", command.orgId(), caller);
        Instant now = clock.instant();
        Instant receivedAt = command.receivedAt() == null ? now : command.receivedAt();
        if (receivedAt.isAfter(now)) {
            throw new RightsRuleViolation("receivedAt", "must not be in the future");
        }
        ProtectedValue phone = command.callerPhone() == null ? null
                : protector.protect(command.callerPhone(), Masking::mobilePhone);
        ProtectedValue name = command.callerName() == null ? null
                : protector.protect(command.callerName(), Masking::personalName);
        Caller contact = phone == null && name == null ? Caller.ANONYMOUS
                : new Caller(phone == null ? null : phone.ciphertext(), phone == null ? null : phone.masked(),
                name == null ? null : name.ciphertext(), name == null ? null : name.masked());
        WorkOrder.Received received = WorkOrder.receive(UUID.randomUUID().toString(), command.channel(),
                command.category(), command.complexity(), contact, protector.encrypt(command.summary()),
                centre.orgId(), centre.path(), receivedAt, calendar.dueAt(receivedAt, command.complexity()),
                caller.subject(), now);
        orders.add(received.order(), received.events());
        return received.order();
    }

    public WorkOrder classify(String id, OrderCategory category, Complexity complexity, OrgPrincipal caller) {
        RightsAccess.requireAgent(caller);
        return change(id, caller, order -> {
            requireOwner(order, caller);
            return order.classify(category, complexity, calendar.dueAt(order.receivedAt(), complexity),
                    clock.instant());
        });
    }

    public WorkOrder dispatch(String id, String toOrgId, OrgPrincipal caller) {
        RightsAccess.requireAgent(caller);
        return change(id, caller, order -> {
            if (!caller.covers(order.handlingOrgPath())) {
                throw new AccessDeniedException("only the union handling the order may dispatch it");
            }
            OrgDirectoryEntry target = unions.activeWithin("toOrgId", toOrgId, caller);
            if (!target.path().startsWith(order.handlingOrgPath() + "/")) {
                throw new RightsRuleViolation("toOrgId", "must be a union below the one handling the order");
            }
            return List.of(order.dispatch(target.orgId(), target.path(), caller.subject(), clock.instant()));
        });
    }

    public WorkOrder accept(String id, OrgPrincipal caller) {
        RightsAccess.requireAgent(caller);
        return change(id, caller, order -> {
            if (!caller.orgPath().equals(order.handlingOrgPath())) {
                throw new AccessDeniedException("only the union the order was dispatched to may accept it");
            }
            return List.of(order.accept(caller.orgPath(), clock.instant()));
        });
    }

    public WorkOrder addNote(String id, String text, OrgPrincipal caller) {
        RightsAccess.requireAgent(caller);
        return change(id, caller, order -> {
            order.addNote(new Note(protector.encrypt(text), caller.subject(), caller.orgPath(), clock.instant()));
            return List.of();
        });
    }

    public WorkOrder resolve(String id, OrderOutcome outcome, long amountRecoveredFen, OrgPrincipal caller) {
        RightsAccess.requireAgent(caller);
        return change(id, caller, order -> {
            if (!caller.covers(order.handlingOrgPath())) {
                throw new AccessDeniedException("only the union handling the order may resolve it");
            }
            return List.of(order.resolve(outcome, amountRecoveredFen, caller.subject(), clock.instant()));
        });
    }

    public WorkOrder rate(String id, int rating, OrgPrincipal caller) {
        RightsAccess.requireAgent(caller);
        return change(id, caller, order -> {
            requireOwner(order, caller);
            return List.of(order.rate(rating, clock.instant()));
        });
    }

    public WorkOrder close(String id, OrgPrincipal caller) {
        RightsAccess.requireAgent(caller);
        return change(id, caller, order -> {
            requireOwner(order, caller);
            return List.of(order.close(clock.instant()));
        });
    }

    public WorkOrder escalate(String id, OrgPrincipal caller) {
        RightsAccess.requireAgent(caller);
        return change(id, caller, order -> {
            ParentUnions.Union parent = parents.parentOf(order.handlingOrgId()).orElse(null);
            return order.escalate(EscalationReason.MANUAL, parent == null ? null : parent.orgId(),
                    parent == null ? null : parent.orgPath(), caller.subject(), clock.instant());
        });
    }

    /**
     * Marks every overdue, not yet breached order breached and escalates it to the parent of its handling union.
     * Each order is one conditional update ({@code slaBreached != true}), so repeated sweeps or several replicas
     * record a breach exactly once.
     *
     * @return how many orders this sweep marked
     */
    public int sweepOverdue() {
        Instant now = clock.instant();
        int marked = 0;
        for (WorkOrder order : orders.overdueUnbreached(now, 500)) {
            ParentUnions.Union parent = parents.parentOf(order.handlingOrgId()).orElse(null);
            List<Object> events;
            try {
                events = order.escalate(EscalationReason.SLA_BREACHED, parent == null ? null : parent.orgId(),
                        parent == null ? null : parent.orgPath(), "sla-sweeper", now);
            } catch (WorkOrder.IllegalTransition e) {
                continue;
            }
            if (orders.recordBreach(order, events)) {
                marked++;
            }
        }
        return marked;
    }

    private static void requireOwner(WorkOrder order, OrgPrincipal caller) {
        if (!caller.covers(order.orgPath())) {
            throw new AccessDeniedException("only the receiving centre may do this");
        }
    }

    /** Loads a readable order (404 otherwise, audited when through a grant), applies the change, writes it. */
    private WorkOrder change(String id, OrgPrincipal caller, Function<WorkOrder, List<Object>> action) {
        WorkOrder order = load(id, caller);
        List<Object> events;
        try {
            events = new ArrayList<>(action.apply(order));
        } catch (WorkOrder.IllegalTransition e) {
            throw new RightsStatusConflict("the work order", e.status().name());
        }
        try {
            orders.update(order, events);
        } catch (WorkOrders.ConcurrentChange e) {
            throw new RightsStatusConflict("the work order changed concurrently; it",
                    orders.find(id).map(o -> o.status().name()).orElse("unknown"));
        }
        return order;
    }

    WorkOrder load(String id, OrgPrincipal caller) {
        if (!caller.hasOrgPath()) {
            throw new NotFoundException("work order not found");
        }
        WorkOrder order = orders.findReadable(id, caller.orgPath())
                .orElseThrow(() -> new NotFoundException("work order not found"));
        if (!caller.covers(order.orgPath())) {
            orders.logGrantedAccess(id, caller.subject(), caller.orgPath(), clock.instant());
        }
        return order;
    }
}
