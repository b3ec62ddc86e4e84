package cn.smartunion.aid.programme.application;

import cn.smartunion.aid.eligibility.domain.EligibilityRule;
import cn.smartunion.aid.programme.domain.CycleKind;
import cn.smartunion.aid.programme.domain.ProgrammeKind;

public record DefineProgramme(String code, String name, ProgrammeKind kind, String ownerOrgId,
                              EligibilityRule eligibility, CycleKind cycleKind, boolean oncePerCycle) {
}
