package cn.smartunion.competition.honour.domain;

import cn.smartunion.contracts.competition.RecipientType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Who a nomination (and the honour after it) is for: a worker (memberId when a member, personId from the person
 * registry otherwise), a team (班组; its pseudonymous teamId is derived from the unit and the team name, so the same team
 * keeps one id across selections) or a unit (its public credit code). Names of teams and units are kept for display;
 * they are organisations, not people.
 */
public record Recipient(RecipientType type, String memberId, String personId, String teamId, String teamName,
                        List<String> teamMemberIds, String unitCreditCode, String unitName) {

    public Recipient {
        teamMemberIds = teamMemberIds == null ? List.of() : List.copyOf(teamMemberIds);
    }

    public static Recipient member(String memberId) {
        return new Recipient(RecipientType.INDIVIDUAL, memberId, null, null, null, null, null, null);
    }

    public static Recipient person(String personId) {
        return new Recipient(RecipientType.INDIVIDUAL, null, personId, null, null, null, null, null);
    }

    public static Recipient team(String name, String unitCreditCode, List<String> memberIds) {
        String teamId = UUID.nameUUIDFromBytes(("team:" + unitCreditCode + ":" + name)
                .getBytes(StandardCharsets.UTF_8)).toString();
        return new Recipient(RecipientType.TEAM, null, null, teamId, name, memberIds, unitCreditCode, null);
    }

    public static Recipient unit(String creditCode, String name) {
        return new Recipient(RecipientType.UNIT, null, null, null, null, null, creditCode, name);
    }

    /** One nomination per recipient per selection: the natural key, unique with the selection id. */
    public String key() {
        return switch (type) {
            case INDIVIDUAL -> memberId != null ? "member:" + memberId : "person:" + personId;
            case TEAM -> "team:" + teamId;
            case UNIT -> "unit:" + unitCreditCode;
        };
    }
}
