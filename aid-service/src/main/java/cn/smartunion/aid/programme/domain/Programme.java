package cn.smartunion.aid.programme.domain;

import cn.smartunion.aid.eligibility.domain.EligibilityRule;

import java.time.Instant;

/**
 * One entry of the programme catalogue (送温暖, 金秋助学, 困难职工帮扶, 职工医疗互助 ...). Owned by a union: it and
 * every union below it may run the programme.
 *
 * @param code         stable code used in records, events and analytics, e.g. {@code SCHOOL}
 * @param oncePerCycle whether a person or household may receive it at most once per cycle (金秋助学: yes; 送清凉
 *                     person-times: no)
 */
public record Programme(String code, String name, ProgrammeKind kind, String ownerOrgId, String ownerOrgPath,
                        EligibilityRule eligibility, CycleKind cycleKind, boolean oncePerCycle, String createdBy,
                        Instant createdAt) {

    /** True when a union at {@code orgPath} may run this programme: the owner or a union below it. */
    public boolean usableBy(String orgPath) {
        return orgPath.equals(ownerOrgPath) || orgPath.startsWith(ownerOrgPath + "/");
    }
}
