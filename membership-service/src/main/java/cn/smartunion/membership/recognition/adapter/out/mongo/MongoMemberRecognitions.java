package cn.smartunion.membership.recognition.adapter.out.mongo;

import cn.smartunion.contracts.competition.HonourConferred;
import cn.smartunion.contracts.competition.HonourRevoked;
import cn.smartunion.contracts.competition.SkillLevelCertified;
import cn.smartunion.contracts.competition.TitleConferred;
import cn.smartunion.membership.recognition.domain.MemberRecognitions;
import cn.smartunion.membership.recognition.domain.Recognitions;
import cn.smartunion.runtime.consumer.IdempotentProjection;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@code member_recognitions}: one document per member holding maps keyed by honour, title and certification id, so
 * each event is applied once ({@link IdempotentProjection}) and a redelivered conferral cannot list an honour twice.
 * Kept apart from the member record: it is competition-service's information, projected, not edited here.
 */
@Repository
public class MongoMemberRecognitions implements MemberRecognitions {

    static final String COLLECTION = "member_recognitions";

    private final MongoTemplate mongo;
    private final IdempotentProjection projection;

    MongoMemberRecognitions(MongoTemplate mongo, IdempotentProjection projection) {
        this.mongo = mongo;
        this.projection = projection;
    }

    @Override
    public Recognitions of(String memberId) {
        Document d = mongo.findById(memberId, Document.class, COLLECTION);
        if (d == null) {
            return Recognitions.NONE;
        }
        return new Recognitions(
                values(d, "honours", h -> new Recognitions.Honour(h.getString("honourId"), h.getString("type"),
                        h.getString("level"), h.getString("cycle"), date(h, "conferredOn"), date(h, "revokedOn"))),
                values(d, "titles", t -> new Recognitions.Title(t.getString("titleId"), t.getString("title"),
                        t.getString("level"), t.getString("trade"), t.getString("competitionId"),
                        date(t, "conferredOn"))),
                values(d, "skillLevels", s -> new Recognitions.SkillLevel(s.getString("certificationId"),
                        s.getString("trade"), s.getString("level"), s.getString("certifier"),
                        date(s, "certifiedOn"))));
    }

    public boolean honourConferred(String eventId, HonourConferred e) {
        return projection.apply(COLLECTION, e.memberId(), eventId, new Update().set("honours." + e.honourId(),
                new Document("honourId", e.honourId()).append("type", e.type().name())
                        .append("level", e.level().name()).append("cycle", e.cycle())
                        .append("conferredOn", e.conferredOn().toString())));
    }

    /** Applies only when the conferral is known: a revocation is never turned into an honour. */
    public boolean honourRevoked(String eventId, HonourRevoked e) {
        Criteria known = where("honours." + e.honourId()).exists(true);
        return projection.apply(COLLECTION, e.memberId(), eventId, known,
                new Update().set("honours." + e.honourId() + ".revokedOn", e.revokedOn().toString()));
    }

    public boolean titleConferred(String eventId, TitleConferred e) {
        return projection.apply(COLLECTION, e.memberId(), eventId, new Update().set("titles." + e.titleId(),
                new Document("titleId", e.titleId()).append("title", e.title().name())
                        .append("level", e.level().name()).append("trade", e.trade())
                        .append("competitionId", e.competitionId())
                        .append("conferredOn", e.conferredOn().toString())));
    }

    public boolean skillLevelCertified(String eventId, SkillLevelCertified e) {
        return projection.apply(COLLECTION, e.memberId(), eventId, new Update().set("skillLevels." + e.certificationId(),
                new Document("certificationId", e.certificationId()).append("trade", e.trade())
                        .append("level", e.level().name()).append("certifier", e.certifier().name())
                        .append("certifiedOn", e.certifiedOn().toString())));
    }

    private static <T> List<T> values(Document d, String field, Function<Document, T> mapping) {
        Document map = d.get(field, Document.class);
        List<T> values = new ArrayList<>();
        if (map != null) {
            for (Object value : map.values()) {
                Document entry = (Document) value;
                // a revocation that arrived without its conferral leaves an entry without an id: not an honour
                if (entry.containsKey(field.equals("honours") ? "honourId" : field.equals("titles") ? "titleId"
                        : "certificationId")) {
                    values.add(mapping.apply(entry));
                }
            }
        }
        return values;
    }

    private static LocalDate date(Document d, String field) {
        String value = d.getString(field);
        return value == null ? null : LocalDate.parse(value);
    }
}
