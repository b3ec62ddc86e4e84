package cn.smartunion.rights.workorder.application;

import cn.smartunion.rights.access.RightsAccess;
import cn.smartunion.rights.web.PageView;
import cn.smartunion.rights.workorder.domain.WorkOrder;
import cn.smartunion.rights.workorder.domain.WorkOrders;
import cn.smartunion.runtime.personaldata.PersonalDataProtector;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;

/** Reads: by id (free text decrypted for agents only; reads through a grant audited) and scoped lists. */
@Service
public class WorkOrderQueries {

    private final WorkOrderDesk desk;
    private final WorkOrders orders;
    private final PersonalDataProtector protector;
    private final Clock clock;

    WorkOrderQueries(WorkOrderDesk desk, WorkOrders orders, PersonalDataProtector protector, Clock clock) {
        this.desk = desk;
        this.orders = orders;
        this.protector = protector;
        this.clock = clock;
    }

    /** @param summary the decrypted summary, null unless the caller is an agent; likewise the notes' text */
    public record Found(WorkOrder order, String summary, List<String> noteTexts) {
    }

    public Found get(String id, OrgPrincipal caller) {
        RightsAccess.requireReader(caller);
        WorkOrder order = desk.load(id, caller);
        if (!caller.hasRole(RightsAccess.AGENT)) {
            return new Found(order, null, null);
        }
        return new Found(order, protector.decrypt(order.summaryCiphertext()),
                order.notes().stream().map(n -> protector.decrypt(n.textCiphertext())).toList());
    }

    public PageView<WorkOrder> list(OrgPrincipal caller, WorkOrders.Filter filter, int page, int size) {
        RightsAccess.requireReader(caller);
        var now = clock.instant();
        return new PageView<>(orders.listReadable(caller.orgPath(), filter, now, page, size), page, size,
                orders.countReadable(caller.orgPath(), filter, now));
    }
}
