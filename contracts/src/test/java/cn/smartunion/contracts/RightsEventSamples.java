package cn.smartunion.contracts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One conforming payload of every rights-service event type, each naming every property of its schema (nullable ones
 * too, with a value or null). Published in this module's test-jar for rights-service's tests.
 */
public final class RightsEventSamples {

    private static final Map<EventType, String> SAMPLES = new LinkedHashMap<>();

    static {
        SAMPLES.put(EventTypes.WORK_ORDER_CREATED, """
                {"orderId":"wo-1","channel":"PHONE","category":"COMPLAINT","complexity":"ORDINARY","anonymous":false,
                 "orgId":"o-1","orgPath":"420000/420300","dueAt":"2026-11-28T08:00:00Z",
                 "createdAt":"2026-11-21T08:00:00Z"}""");
        SAMPLES.put(EventTypes.WORK_ORDER_DISPATCHED, """
                {"orderId":"wo-1","fromOrgId":"o-1","fromOrgPath":"420000/420300","toOrgId":"o-2",
                 "toOrgPath":"420000/420300/420322","dueAt":"2026-11-28T08:00:00Z",
                 "dispatchedAt":"2026-11-21T09:00:00Z"}""");
        SAMPLES.put(EventTypes.WORK_ORDER_ACCEPTED, """
                {"orderId":"wo-1","orgId":"o-2","orgPath":"420000/420300/420322",
                 "acceptedAt":"2026-11-21T10:00:00Z"}""");
        SAMPLES.put(EventTypes.WORK_ORDER_ESCALATED, """
                {"orderId":"wo-1","orgId":"o-2","orgPath":"420000/420300/420322","escalatedToOrgId":"o-1",
                 "escalatedToOrgPath":"420000/420300","reason":"SLA_BREACHED","escalatedAt":"2026-11-28T08:05:00Z"}""");
        SAMPLES.put(EventTypes.WORK_ORDER_RESOLVED, """
                {"orderId":"wo-1","orgId":"o-2","orgPath":"420000/420300/420322","outcome":"CASE_OPENED",
                 "amountRecoveredFen":0,"withinSla":false,"resolvedAt":"2026-11-29T08:00:00Z"}""");
        SAMPLES.put(EventTypes.WORK_ORDER_RATED, """
                {"orderId":"wo-1","orgId":"o-2","orgPath":"420000/420300/420322","rating":4,
                 "ratedAt":"2026-11-30T08:00:00Z"}""");
        SAMPLES.put(EventTypes.WORK_ORDER_CLOSED, """
                {"orderId":"wo-1","orgId":"o-2","orgPath":"420000/420300/420322","withinSla":false,
                 "closedAt":"2026-12-01T08:00:00Z"}""");
        SAMPLES.put(EventTypes.SLA_BREACHED, """
                {"orderId":"wo-1","orgId":"o-2","orgPath":"420000/420300/420322","complexity":"ORDINARY",
                 "dueAt":"2026-11-28T08:00:00Z","breachedAt":"2026-11-28T08:01:00Z"}""");
        SAMPLES.put(EventTypes.DISPUTE_CASE_OPENED, """
                {"caseId":"dc-1","intake":"HOTLINE_12351","workOrderId":"wo-1",
                 "claimTypes":["WAGE_ARREARS","OVERTIME"],
                 "workers":[{"personId":"p-1","memberId":"m-1","groupTags":["COURIER"]},
                            {"personId":"p-2","memberId":null,"groupTags":[]}],
                 "employerId":"em-1","platformId":"pf-1","amountClaimedFen":4800000,"collective":false,
                 "crossProvince":false,"orgId":"o-2","orgPath":"420000/420300/420322",
                 "openedAt":"2026-11-29T08:00:00Z"}""");
        SAMPLES.put(EventTypes.LEGAL_AID_GRANTED, """
                {"caseId":"dc-1","orgId":"o-2","orgPath":"420000/420300/420322","lawyerId":"l-1",
                 "grantedOn":"2026-12-02"}""");
        SAMPLES.put(EventTypes.MEDIATION_SESSION_HELD, """
                {"caseId":"dc-1","sessionId":"ms-1","orgId":"o-2","orgPath":"420000/420300/420322",
                 "mechanism":"UNION","partiesPresent":["UNION","HR_ARBITRATION","EMPLOYER"],"heldOn":"2026-12-05"}""");
        SAMPLES.put(EventTypes.MEDIATION_AGREEMENT_REACHED, """
                {"caseId":"dc-1","orgId":"o-2","orgPath":"420000/420300/420322","agreedFen":4200000,
                 "reachedOn":"2026-12-05"}""");
        SAMPLES.put(EventTypes.MEDIATION_FAILED, """
                {"caseId":"dc-2","orgId":"o-2","orgPath":"420000/420300/420322","failedOn":"2026-12-06"}""");
        SAMPLES.put(EventTypes.CASE_REFERRED, """
                {"caseId":"dc-2","orgId":"o-2","orgPath":"420000/420300/420322","toBody":"ARBITRATION",
                 "referredOn":"2026-12-07"}""");
        SAMPLES.put(EventTypes.DISPUTE_CASE_CLOSED, """
                {"caseId":"dc-1","orgId":"o-2","orgPath":"420000/420300/420322","closureType":"MEDIATION_AGREEMENT",
                 "mediated":true,"mediationSucceeded":true,"amountRecoveredFen":4200000,"workersBenefited":2,
                 "durationDays":14,"closedOn":"2026-12-13","occurredAt":"2026-12-13T07:00:00Z"}""");
        SAMPLES.put(EventTypes.CASE_FOLLOW_UP_COMPLETED, """
                {"caseId":"dc-1","orgId":"o-2","orgPath":"420000/420300/420322","reComplained":false,
                 "windowDays":90,"completedOn":"2027-03-13"}""");
        SAMPLES.put(EventTypes.DISPUTE_CASE_REOPENED, """
                {"caseId":"dc-1","orgId":"o-2","orgPath":"420000/420300/420322","cause":"AGREEMENT_NOT_PERFORMED",
                 "occurredAt":"2027-01-10T02:00:00Z"}""");
        SAMPLES.put(EventTypes.HARDSHIP_REFERRED, """
                {"referralId":"r-1","source":"DISPUTE_CASE","sourceId":"dc-1","personId":"p-2","memberId":null,
                 "orgId":"o-2","orgPath":"420000/420300/420322","referredAt":"2026-12-14T02:00:00Z"}""");
        SAMPLES.put(EventTypes.SUPERVISION_NOTICE_ISSUED, """
                {"noticeId":"n-1","type":"REMINDER_LETTER","employerId":"em-1","caseId":"dc-1",
                 "issues":["WAGE_ARREARS","SOCIAL_INSURANCE_ARREARS"],"orgId":"o-2","orgPath":"420000/420300/420322",
                 "issuedOn":"2026-12-15"}""");
        SAMPLES.put(EventTypes.BARGAINING_OFFER_ISSUED, """
                {"contractId":"cc-1","contractType":"WAGE","orgId":"o-3","orgPath":"420000/420300/Y1",
                 "unitsCovered":1,"workersCovered":320,"offerCampaign":"2027-spring_offer","issuedOn":"2027-03-01"}""");
        SAMPLES.put(EventTypes.COLLECTIVE_CONTRACT_SIGNED, """
                {"contractId":"cc-1","contractType":"WAGE","orgId":"o-3","orgPath":"420000/420300/Y1",
                 "unitsCovered":1,"workersCovered":320,"congressApprovedOn":"2027-04-10","signedOn":"2027-04-15",
                 "effectiveFrom":"2027-05-01","effectiveTo":"2030-04-30"}""");
        SAMPLES.put(EventTypes.COLLECTIVE_CONTRACT_EXPIRED, """
                {"contractId":"cc-1","contractType":"WAGE","orgId":"o-3","orgPath":"420000/420300/Y1",
                 "unitsCovered":1,"workersCovered":320,"expiredOn":"2030-04-30"}""");
        SAMPLES.put(EventTypes.COLLECTIVE_CONTRACT_RENEWED, """
                {"contractId":"cc-1","renewalContractId":"cc-2","contractType":"WAGE","orgId":"o-3",
                 "orgPath":"420000/420300/Y1","renewedOn":"2030-04-20"}""");
    }

    private RightsEventSamples() {
    }

    /** Every rights event type with its conforming payload, in catalogue order. */
    public static Map<EventType, String> all() {
        return Collections.unmodifiableMap(SAMPLES);
    }

    /** The conforming payload of one rights event type. */
    public static String of(EventType type) {
        String sample = SAMPLES.get(type);
        if (sample == null) {
            throw new IllegalArgumentException("no rights sample for " + type.type());
        }
        return sample;
    }
}
