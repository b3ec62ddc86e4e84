package cn.smartunion.aid.casefile.domain;

import cn.smartunion.contracts.aid.AidMeasure;

/** A kind of help planned for the household and the amount planned for it, in fen. */
public record PlannedMeasure(AidMeasure measure, long plannedFen) {
}
