package cn.smartunion.aid.casefile.application;

import cn.smartunion.aid.casefile.domain.HardshipCase;
import cn.smartunion.contracts.aid.AidMeasure;

import java.util.Map;

/** A case as read, with what has been paid for each measure. */
public record CaseFile(HardshipCase hardshipCase, Map<AidMeasure, Long> paidByMeasure) {
}
