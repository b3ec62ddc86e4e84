package cn.smartunion.aid.casefile.domain;

/** A member of the household other than its head. */
public record HouseholdMember(PersonRef person, Relation relation) {
}
