package cn.smartunion.competition.honour.adapter.out.mongo;

import cn.smartunion.competition.honour.domain.Recipient;
import cn.smartunion.contracts.competition.RecipientType;
import org.bson.Document;

/** The recipient sub-document nominations and honours share. */
final class RecipientDocuments {

    private RecipientDocuments() {
    }

    static Document of(Recipient r) {
        return new Document("type", r.type().name()).append("memberId", r.memberId())
                .append("personId", r.personId()).append("teamId", r.teamId()).append("teamName", r.teamName())
                .append("teamMemberIds", r.teamMemberIds()).append("unitCreditCode", r.unitCreditCode())
                .append("unitName", r.unitName());
    }

    static Recipient toDomain(Document d) {
        return new Recipient(RecipientType.valueOf(d.getString("type")), d.getString("memberId"),
                d.getString("personId"), d.getString("teamId"), d.getString("teamName"),
                d.getList("teamMemberIds", String.class), d.getString("unitCreditCode"), d.getString("unitName"));
    }
}
