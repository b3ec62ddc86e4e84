package cn.smartunion.membership.enrolment;

import cn.smartunion.membership.enrolment.application.EnrolmentContext;
import cn.smartunion.membership.enrolment.application.RosterEnrolment;
import cn.smartunion.membership.enrolment.application.RosterRow;
import cn.smartunion.membership.enrolment.application.RowOutcome;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real member register with handles for tests: count the calls per row, hold a worker at a row until the test
 * lets it go (to watch a job mid-way, or to kill its worker there), and make a row fail like a broken database.
 */
public class ControllableRosterEnrolment implements RosterEnrolment {

    private final RosterEnrolment delegate;
    private final MemberStore register;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private volatile Hold hold;
    private volatile int failingRow;

    public ControllableRosterEnrolment(RosterEnrolment delegate, MemberStore register) {
        this.delegate = delegate;
        this.register = register;
    }

    @Override
    public RowOutcome enrol(RosterRow row, EnrolmentContext context) {
        calls.computeIfAbsent(context.batchId() + "/" + row.rowNumber(), k -> new AtomicInteger()).incrementAndGet();
        Hold current = hold;
        if (current != null && current.row == row.rowNumber() && current.reached.getCount() > 0) {
            current.reached.countDown();
            try {
                current.released.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (row.rowNumber() == failingRow) {
            throw new IllegalStateException("the member register is unavailable (test)");
        }
        return delegate.enrol(row, context);
    }

    /** The first worker to reach {@code row} waits there until {@link Hold#release()}; others pass. */
    public Hold holdAt(int row) {
        Hold h = new Hold(row);
        hold = h;
        return h;
    }

    /** Every call for {@code row} fails, until {@code failAt(0)}. */
    public void failAt(int row) {
        failingRow = row;
    }

    public int callsFor(String batchId, int row) {
        AtomicInteger count = calls.get(batchId + "/" + row);
        return count == null ? 0 : count.get();
    }

    public MemberStore register() {
        return register;
    }

    public static final class Hold implements AutoCloseable {
        private final int row;
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        private Hold(int row) {
            this.row = row;
        }

        public boolean reached() {
            return reached.getCount() == 0;
        }

        public void release() {
            released.countDown();
        }

        @Override
        public void close() {
            release();
        }
    }
}
