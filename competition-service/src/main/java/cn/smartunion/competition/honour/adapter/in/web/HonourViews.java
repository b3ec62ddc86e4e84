package cn.smartunion.competition.honour.adapter.in.web;

import cn.smartunion.competition.honour.domain.Recipient;
import cn.smartunion.contracts.competition.RecipientType;
import cn.smartunion.runtime.personaldata.RegisteredPerson;

import java.util.List;

/** How a recipient is shown: ids, team and unit names, and a non-member's masked name and ID number only. */
record RecipientView(RecipientType type, String memberId, PersonView person, TeamView team, UnitView unit) {

    record PersonView(String personId, String maskedName, String maskedIdNumber) {
    }

    record TeamView(String teamId, String name, String unitCreditCode, List<String> memberIds) {
    }

    record UnitView(String creditCode, String name) {
    }

    static RecipientView of(Recipient r, RegisteredPerson person) {
        return new RecipientView(r.type(), r.memberId(),
                r.personId() == null ? null : new PersonView(r.personId(),
                        person == null ? null : person.maskedName(), person == null ? null : person.maskedIdNumber()),
                r.teamId() == null ? null : new TeamView(r.teamId(), r.teamName(), r.unitCreditCode(),
                        r.teamMemberIds()),
                r.type() == RecipientType.UNIT ? new UnitView(r.unitCreditCode(), r.unitName()) : null);
    }
}
