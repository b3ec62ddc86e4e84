package cn.smartunion.aid.disbursement.domain;

/** Paying this amount would pay the record more than was approved for it (answered 409 {@code payment-exceeds-approval}). */
public class PaymentExceedsApproval extends RuntimeException {

    public PaymentExceedsApproval() {
        super("the payment would exceed what is approved and still unpaid");
    }
}
