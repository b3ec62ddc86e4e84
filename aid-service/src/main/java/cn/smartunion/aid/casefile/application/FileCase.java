package cn.smartunion.aid.casefile.application;

import cn.smartunion.aid.casefile.domain.Relation;
import cn.smartunion.contracts.aid.HardshipCategory;
import cn.smartunion.contracts.aid.HardshipCause;

import java.util.List;

/** 建档: the category, causes and the other members of the household. */
public record FileCase(HardshipCategory category, List<HardshipCause> causes, List<Member> householdMembers,
                       Long monthlyIncomeFen) {

    public record Member(NamedPerson person, Relation relation) {
    }
}
