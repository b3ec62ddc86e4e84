package cn.smartunion.aid.casefile.application;

import cn.smartunion.contracts.aid.AidMeasure;
import cn.smartunion.contracts.aid.DisbursementChannel;

import java.time.LocalDate;

/** Pays part of an approved case for one measure; the same {@code idempotencyKey} pays once. */
public record PayCase(String idempotencyKey, AidMeasure measure, long amountFen, DisbursementChannel channel,
                      LocalDate disbursedOn, String bankCardNumber) {

    @Override
    public String toString() {
        return "PayCase[" + measure + ", " + amountFen + " fen]";
    }
}
