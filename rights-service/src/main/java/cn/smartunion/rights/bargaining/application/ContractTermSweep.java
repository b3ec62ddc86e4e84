package cn.smartunion.rights.bargaining.application;

import cn.smartunion.rights.bargaining.domain.CollectiveContract;
import cn.smartunion.rights.bargaining.domain.CollectiveContracts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Puts filed contracts in force on their first day and expires filed or in-force contracts after their last (China
 * time). Each change is a conditional update on the version read, so two replicas sweeping at once expire a contract
 * once and raise one {@code CollectiveContractExpired}.
 */
@Service
public class ContractTermSweep {

    private static final Logger log = LoggerFactory.getLogger(ContractTermSweep.class);
    private static final int BATCH = 200;

    private final CollectiveContracts contracts;
    private final Clock clock;

    ContractTermSweep(CollectiveContracts contracts, Clock clock) {
        this.contracts = contracts;
        this.clock = clock;
    }

    /** Sweeps as of today; returns how many contracts changed. */
    public int sweep() {
        return sweep(LocalDate.now(clock.withZone(CollectiveBargaining.CHINA)));
    }

    public int sweep(LocalDate today) {
        int changed = 0;
        List<CollectiveContract> due;
        do {
            due = contracts.dueForChange(today, BATCH);
            int changedInBatch = 0;
            for (CollectiveContract contract : due) {
                Object event = contract.passTime(today);
                try {
                    contracts.update(contract, event);
                    changedInBatch++;
                }
                catch (CollectiveContracts.ConcurrentChange lost) {
                    log.debug("collective contract {} was changed by another sweep", contract.id());
                }
            }
            changed += changedInBatch;
            if (changedInBatch == 0) {
                break;
            }
        } while (due.size() == BATCH);
        return changed;
    }
}
