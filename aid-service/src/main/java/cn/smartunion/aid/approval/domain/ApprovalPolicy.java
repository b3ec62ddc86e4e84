package cn.smartunion.aid.approval.domain;

import cn.smartunion.contracts.aid.ApprovalLevel;

/**
 * Who may approve money: never the person who filed the record (maker-checker), and a union high enough for the
 * amount: a county union up to {@code countyLimitFen}, a city union up to {@code cityLimitFen}, the province above.
 * An approver's level is the depth of their union in the tree (province, city, county); grassroots unions file but do
 * not approve.
 */
public record ApprovalPolicy(long countyLimitFen, long cityLimitFen) {

    public ApprovalPolicy {
        if (countyLimitFen < 0 || cityLimitFen < countyLimitFen) {
            throw new IllegalArgumentException("limits must satisfy 0 <= county limit <= city limit");
        }
    }

    public ApprovalLevel requiredFor(long amountFen) {
        if (amountFen <= countyLimitFen) {
            return ApprovalLevel.COUNTY;
        }
        return amountFen <= cityLimitFen ? ApprovalLevel.CITY : ApprovalLevel.PROVINCE;
    }

    /** The level of the union at {@code orgPath}, or null for a grassroots union (below the county). */
    public static ApprovalLevel levelOf(String orgPath) {
        int depth = orgPath.split("/").length;
        return switch (depth) {
            case 1 -> ApprovalLevel.PROVINCE;
            case 2 -> ApprovalLevel.CITY;
            case 3 -> ApprovalLevel.COUNTY;
            default -> null;
        };
    }

    /**
     * @return the approver's level, which the approval records
     * @throws ApprovalRefused when the approver filed the record or their union is too low for the amount
     */
    public ApprovalLevel check(String approverSubject, String approverOrgPath, String filerSubject, long amountFen) {
        if (approverSubject.equals(filerSubject)) {
            throw new ApprovalRefused(ApprovalRefused.Reason.APPROVER_IS_FILER, null);
        }
        ApprovalLevel required = requiredFor(amountFen);
        ApprovalLevel own = levelOf(approverOrgPath);
        if (own == null || rank(own) < rank(required)) {
            throw new ApprovalRefused(ApprovalRefused.Reason.LEVEL_TOO_LOW, required);
        }
        return own;
    }

    private static int rank(ApprovalLevel level) {
        return switch (level) {
            case COUNTY -> 1;
            case CITY -> 2;
            case PROVINCE -> 3;
        };
    }
}
