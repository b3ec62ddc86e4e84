package cn.smartunion.aid.eligibility.domain;

import java.util.List;

/** The applicant does not qualify for the programme (answered 422 {@code not-eligible} with the reasons). */
public class NotEligible extends RuntimeException {

    private final String programmeCode;
    private final List<Ineligibility> reasons;

    public NotEligible(String programmeCode, List<Ineligibility> reasons) {
        super("not eligible for programme " + programmeCode + ": " + reasons);
        this.programmeCode = programmeCode;
        this.reasons = List.copyOf(reasons);
    }

    public String programmeCode() {
        return programmeCode;
    }

    public List<Ineligibility> reasons() {
        return reasons;
    }
}
