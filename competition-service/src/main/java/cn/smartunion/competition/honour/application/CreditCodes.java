package cn.smartunion.competition.honour.application;

import cn.smartunion.competition.web.CompetitionRuleViolation;
import cn.smartunion.runtime.personaldata.InvalidUnifiedSocialCreditCodeException;
import cn.smartunion.runtime.personaldata.UnifiedSocialCreditCode;

/** Unified social credit codes from requests, normalised, or a 400 naming the field (never echoing the value). */
public final class CreditCodes {

    private CreditCodes() {
    }

    public static String parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new CompetitionRuleViolation(field, "a unified social credit code is required");
        }
        try {
            return UnifiedSocialCreditCode.parse(text).value();
        }
        catch (InvalidUnifiedSocialCreditCodeException invalid) {
            throw new CompetitionRuleViolation(field, "not a valid unified social credit code (" + invalid.reason()
                    + ")", invalid);
        }
    }
}
