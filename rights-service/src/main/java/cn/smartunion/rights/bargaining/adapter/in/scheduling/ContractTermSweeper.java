package cn.smartunion.rights.bargaining.adapter.in.scheduling;

import cn.smartunion.rights.bargaining.application.ContractTermSweep;
import cn.smartunion.runtime.scheduling.PeriodicTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** Puts collective contracts in force and expires them as their term begins and ends. */
@Component
class ContractTermSweeper extends PeriodicTask {

    private final ContractTermSweep sweep;
    private final Duration interval;

    ContractTermSweeper(ContractTermSweep sweep,
                        @Value("${smartunion.rights.contract-term-sweep-interval:15m}") Duration interval) {
        super("collective-contract-term-sweeper");
        this.sweep = sweep;
        this.interval = interval;
    }

    @Override
    protected void runOnce() {
        sweep.sweep();
    }

    @Override
    protected Duration interval() {
        return interval;
    }
}
