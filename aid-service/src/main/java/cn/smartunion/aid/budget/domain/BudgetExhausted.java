package cn.smartunion.aid.budget.domain;

/** The budget line has less left than the approval needs (answered 409 {@code budget-exhausted}). */
public class BudgetExhausted extends RuntimeException {

    private final String budgetLineId;

    public BudgetExhausted(String budgetLineId) {
        super("budget line " + budgetLineId + " has not enough left for this approval");
        this.budgetLineId = budgetLineId;
    }

    public String budgetLineId() {
        return budgetLineId;
    }
}
