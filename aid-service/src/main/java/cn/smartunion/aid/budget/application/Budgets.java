package cn.smartunion.aid.budget.application;

import cn.smartunion.aid.access.AidAccess;
import cn.smartunion.aid.budget.domain.BudgetExhausted;
import cn.smartunion.aid.budget.domain.BudgetLine;
import cn.smartunion.aid.budget.domain.BudgetLines;
import cn.smartunion.aid.budget.domain.LedgerTotals;
import cn.smartunion.aid.programme.application.ProgrammeCatalogue;
import cn.smartunion.aid.programme.domain.Programme;
import cn.smartunion.aid.web.AidRuleViolation;
import cn.smartunion.aid.web.PageView;
import cn.smartunion.runtime.orgdirectory.OrgDirectory;
import cn.smartunion.runtime.orgdirectory.OrgDirectoryEntry;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Budget lines per union, programme, cycle and funding source, and the money operations every approval and payment
 * goes through. Features commit money when they approve and pay it when they disburse; a line never goes below zero.
 */
@Service
public class Budgets {

    private final BudgetLines lines;
    private final LedgerTotals ledger;
    private final ProgrammeCatalogue catalogue;
    private final OrgDirectory unions;
    private final Clock clock;

    Budgets(BudgetLines lines, LedgerTotals ledger, ProgrammeCatalogue catalogue, OrgDirectory unions, Clock clock) {
        this.lines = lines;
        this.ledger = ledger;
        this.catalogue = catalogue;
        this.unions = unions;
        this.clock = clock;
    }

    public BudgetLine open(OpenBudgetLine command, OrgPrincipal caller) {
        AidAccess.requireOfficer(caller);
        OrgDirectoryEntry org = unions.activeWithin("orgId", command.orgId(), caller);
        Programme programme = catalogue.usable("programmeCode", command.programmeCode(), null, org.path(),
                command.cycle());
        BudgetLine line = new BudgetLine(UUID.randomUUID().toString(), programme.code(), org.orgId(), org.path(),
                command.cycle(), command.fundingSource(), command.title(), command.allocatedFen(), 0, 0,
                command.allocatedFen(), caller.subject(), clock.instant());
        lines.add(line);
        return line;
    }

    /** Adds money to a line; retried with the same {@code allocationId} it is added once. */
    public BudgetLine allocate(String lineId, String allocationId, long amountFen, OrgPrincipal caller) {
        AidAccess.requireOfficer(caller);
        get(lineId, caller);
        lines.allocate(lineId, allocationId, amountFen);
        return get(lineId, caller);
    }

    public BudgetLine get(String lineId, OrgPrincipal caller) {
        AidAccess.requireReader(caller);
        return lines.findWithin(lineId, caller.orgPath())
                .orElseThrow(() -> new NotFoundException("budget line not found"));
    }

    public PageView<LineReconciliation> reconcile(OrgPrincipal caller, String programmeCode, String cycle, int page,
                                                  int size) {
        AidAccess.requireReader(caller);
        List<BudgetLine> found = lines.listWithin(caller.orgPath(), programmeCode, cycle, page, size);
        Map<String, Long> ledgerPaid = ledger.paidFenByLine(found.stream().map(BudgetLine::id).toList());
        List<LineReconciliation> rows = found.stream().map(line -> {
            long paid = ledgerPaid.getOrDefault(line.id(), 0L);
            return new LineReconciliation(line, paid, paid == line.paidFen());
        }).toList();
        return new PageView<>(rows, page, size, lines.countWithin(caller.orgPath(), programmeCode, cycle));
    }

    /**
     * The line an approval of a record owned at {@code orgPath} for {@code programmeCode} in {@code cycle} is paid from:
     * it must fund that programme and cycle, and belong to the record's union or one above it.
     */
    public BudgetLine fundingLine(String lineId, String programmeCode, String cycle, String orgPath) {
        BudgetLine line = lines.find(lineId).orElseThrow(() -> new AidRuleViolation("budgetLineId",
                "no such budget line"));
        boolean ownersAbove = orgPath.equals(line.orgPath()) || orgPath.startsWith(line.orgPath() + "/");
        if (!ownersAbove || !line.programmeCode().equals(programmeCode) || !line.cycle().equals(cycle)) {
            throw new AidRuleViolation("budgetLineId", "the budget line does not fund programme " + programmeCode
                    + " in cycle " + cycle + " for this union");
        }
        return line;
    }

    /**
     * Commits money for an approval, once per {@code commitmentId}.
     *
     * @throws BudgetExhausted when the line has less available than {@code amountFen}
     */
    public void commit(String lineId, String commitmentId, long amountFen) {
        if (!lines.commit(lineId, commitmentId, amountFen)) {
            throw new BudgetExhausted(lineId);
        }
    }

    /** Gives back the commitment of an approval that will not be paid, once per {@code commitmentId}. */
    public void release(String lineId, String commitmentId, long amountFen) {
        lines.release(lineId, "release:" + commitmentId, amountFen);
    }

    /** Records a payment from committed money, once per {@code paymentId}. @return false if it would overpay */
    public boolean pay(String lineId, String paymentId, long amountFen) {
        return lines.pay(lineId, paymentId, amountFen);
    }
}
