package cn.smartunion.contracts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One conforming payload of every aid-service event type, each naming every property of its schema (nullable ones
 * too, with a value or null). Published in this module's test-jar for aid-service's tests.
 */
public final class AidEventSamples {

    private static final Map<EventType, String> SAMPLES = new LinkedHashMap<>();

    static {
        SAMPLES.put(EventTypes.HARDSHIP_CASE_FILED, """
                {"caseId":"c-1","householdId":"h-1","memberId":"m-1","orgId":"o-1","orgPath":"420000/420300/420322",
                 "programmeCode":"HARDSHIP","identifiedBy":"HOTLINE_12351","category":"DEEP",
                 "causes":["ILLNESS","EDUCATION_COSTS"],"householdSize":4,"filedAt":"2026-11-21T08:00:00Z"}""");
        SAMPLES.put(EventTypes.HARDSHIP_CASE_APPROVED, """
                {"caseId":"c-1","householdId":"h-1","orgId":"o-1","orgPath":"420000/420300/420322",
                 "programmeCode":"HARDSHIP","cycle":"2026","budgetLineId":"b-1","fundingSource":"CENTRAL_SPECIAL_FUNDS",
                 "approvalLevel":"COUNTY","approvedFen":500000,"measures":["LIVING","STUDY"],
                 "approvedAt":"2026-11-25T08:00:00Z"}""");
        SAMPLES.put(EventTypes.HARDSHIP_CASE_RELIEVED, """
                {"caseId":"c-1","householdId":"h-1","orgId":"o-1","orgPath":"420000/420300/420322",
                 "relievedOn":"2027-06-30","occurredAt":"2027-07-01T02:00:00Z"}""");
        SAMPLES.put(EventTypes.HARDSHIP_CASE_CLOSED, """
                {"caseId":"c-1","householdId":"h-1","orgId":"o-1","orgPath":"420000/420300/420322",
                 "outcome":"RELIEF_CONSOLIDATED","closedOn":"2028-06-30","occurredAt":"2028-07-01T02:00:00Z"}""");
        SAMPLES.put(EventTypes.HARDSHIP_CASE_REOPENED, """
                {"caseId":"c-1","householdId":"h-1","orgId":"o-1","orgPath":"420000/420300/420322",
                 "reasonCode":"RELAPSE","occurredAt":"2028-09-01T02:00:00Z"}""");
        SAMPLES.put(EventTypes.CAMPAIGN_LAUNCHED, """
                {"campaignId":"cp-1","programmeCode":"SUMMER","orgId":"o-1","orgPath":"420000/420300",
                 "cycle":"2026-SUMMER","budgetLineId":"b-2","fundingSource":"OWN_FUNDS","budgetFen":200000000,
                 "startsOn":"2026-06-01","endsOn":"2026-08-31","occurredAt":"2026-05-20T01:00:00Z"}""");
        SAMPLES.put(EventTypes.CONDOLENCE_DELIVERED, """
                {"deliveryId":"d-1","campaignId":"cp-1","programmeCode":"SUMMER","orgId":"o-1","orgPath":"420000/420300",
                 "cycle":"2026-SUMMER","beneficiaryType":"WORK_SITE","memberId":null,"personId":null,"siteId":"s-1",
                 "personTimes":120,"cashFen":0,"inKindFen":360000,"deliveredOn":"2026-07-15",
                 "occurredAt":"2026-07-15T09:30:00Z"}""");
        SAMPLES.put(EventTypes.AID_APPLICATION_SUBMITTED, """
                {"applicationId":"a-1","programmeCode":"SCHOOL","campaignId":"cp-2","orgId":"o-1",
                 "orgPath":"420000/420300/420322","cycle":"2026","applicantType":"NON_MEMBER_WORKER","memberId":null,
                 "personId":"p-1","forStudent":true,"requestedFen":300000,"submittedAt":"2026-08-10T03:00:00Z"}""");
        SAMPLES.put(EventTypes.AID_APPLICATION_APPROVED, """
                {"applicationId":"a-1","programmeCode":"SCHOOL","campaignId":"cp-2","orgId":"o-1",
                 "orgPath":"420000/420300/420322","cycle":"2026","budgetLineId":"b-3","fundingSource":"DONATIONS",
                 "approvedFen":300000,"approvedAt":"2026-08-20T03:00:00Z"}""");
        SAMPLES.put(EventTypes.AID_APPLICATION_REJECTED, """
                {"applicationId":"a-1","programmeCode":"SCHOOL","campaignId":"cp-2","orgId":"o-1",
                 "orgPath":"420000/420300/420322","cycle":"2026","reasonCode":"DUPLICATE_IN_CYCLE",
                 "rejectedAt":"2026-08-20T03:00:00Z"}""");
        SAMPLES.put(EventTypes.AID_DISBURSED, """
                {"disbursementId":"db-1","programmeCode":"SCHOOL","sourceType":"AID_APPLICATION","sourceId":"a-1",
                 "orgId":"o-1","orgPath":"420000/420300/420322","cycle":"2026","budgetLineId":"b-3",
                 "fundingSource":"DONATIONS","amountFen":300000,"channel":"BANK_TRANSFER","disbursedOn":"2026-08-28",
                 "occurredAt":"2026-08-28T06:00:00Z"}""");
        SAMPLES.put(EventTypes.MUTUAL_AID_ENROLLED, """
                {"enrolmentId":"e-1","memberId":"m-1","planId":"pl-1","planVersion":2,"planYear":2026,"orgId":"o-1",
                 "orgPath":"420000/420300/420322","paidBy":"UNIT","channel":"UNIT_BULK","contributionFen":5000,
                 "coverageStartsOn":"2026-01-01","coverageEndsOn":"2026-12-31","occurredAt":"2025-12-20T02:00:00Z"}""");
        SAMPLES.put(EventTypes.MUTUAL_AID_CLAIM_SUBMITTED, """
                {"claimId":"cl-1","enrolmentId":"e-1","memberId":"m-1","planId":"pl-1","planYear":2026,"orgId":"o-1",
                 "orgPath":"420000/420300/420322","claimedFen":1500000,"submittedAt":"2026-05-03T02:00:00Z"}""");
        SAMPLES.put(EventTypes.MUTUAL_AID_CLAIM_APPROVED, """
                {"claimId":"cl-1","enrolmentId":"e-1","memberId":"m-1","planId":"pl-1","planYear":2026,"orgId":"o-1",
                 "orgPath":"420000/420300/420322","approvedFen":1000000,"approvedAt":"2026-05-20T02:00:00Z"}""");
        SAMPLES.put(EventTypes.MUTUAL_AID_CLAIM_REJECTED, """
                {"claimId":"cl-1","enrolmentId":"e-1","memberId":"m-1","planId":"pl-1","planYear":2026,"orgId":"o-1",
                 "orgPath":"420000/420300/420322","reasonCode":"NOT_ENROLLED_ON_ILLNESS_DATE",
                 "rejectedAt":"2026-05-20T02:00:00Z"}""");
        SAMPLES.put(EventTypes.MUTUAL_AID_CLAIM_PAID, """
                {"claimId":"cl-1","enrolmentId":"e-1","memberId":"m-1","planId":"pl-1","planYear":2026,"orgId":"o-1",
                 "orgPath":"420000/420300/420322","paidFen":1000000,"disbursementId":"db-2",
                 "paidAt":"2026-05-28T02:00:00Z"}""");
    }

    private AidEventSamples() {
    }

    /** Every aid event type with its conforming payload, in catalogue order. */
    public static Map<EventType, String> all() {
        return Collections.unmodifiableMap(SAMPLES);
    }

    /** The conforming payload of one aid event type. */
    public static String of(EventType type) {
        String sample = SAMPLES.get(type);
        if (sample == null) {
            throw new IllegalArgumentException("no aid sample for " + type.type());
        }
        return sample;
    }
}
