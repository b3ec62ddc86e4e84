package cn.smartunion.aid.mutualaid.domain;

import java.time.LocalDate;

/**
 * The health data of a claim: the disease, the hospital stay and its cost. Stored encrypted, never in events or lists,
 * shown only to aid officers and approvers reading the one claim.
 */
public record HealthDetails(String diseaseCode, LocalDate hospitalisedFrom, LocalDate hospitalisedTo,
                            long medicalCostFen) {

    @Override
    public String toString() {
        return "HealthDetails[restricted]";
    }
}
