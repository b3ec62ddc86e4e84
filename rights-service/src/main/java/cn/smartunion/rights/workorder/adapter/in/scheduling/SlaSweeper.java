package cn.smartunion.rights.workorder.adapter.in.scheduling;

import cn.smartunion.rights.workorder.application.WorkOrderDesk;
import cn.smartunion.runtime.scheduling.PeriodicTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** Marks overdue work orders breached and escalates them (exactly once per order, see the desk). */
@Component
class SlaSweeper extends PeriodicTask {

    private final WorkOrderDesk desk;
    private final Duration interval;

    SlaSweeper(WorkOrderDesk desk, @Value("${smartunion.rights.sla-sweep-interval:1m}") Duration interval) {
        super("work-order-sla-sweeper");
        this.desk = desk;
        this.interval = interval;
    }

    @Override
    protected void runOnce() {
        desk.sweepOverdue();
    }

    @Override
    protected Duration interval() {
        return interval;
    }
}
