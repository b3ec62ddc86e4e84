package cn.smartunion.statistics.facts.adapter.out.mongo;

import cn.smartunion.statistics.facts.application.FactStore;
import cn.smartunion.statistics.facts.domain.Fact;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The {@value #COLLECTION} collection: one document per counted event, {@code _id} = the event's {@code ce_id}.
 * Dates are ISO strings ({@code 2026-11-21}), which compare in calendar order and carry no time zone.
 */
@Component
public class MongoFacts implements FactStore {

    public static final String COLLECTION = "facts";

    private final MongoTemplate mongo;

    public MongoFacts(MongoTemplate mongo) {
        this.mongo = mongo;
        var indexes = mongo.indexOps(COLLECTION);
        // every metric selects one or a few kinds, a period and a subtree (anchored prefix of orgPath)
        indexes.createIndex(new Index().on("kind", Sort.Direction.ASC).on("on", Sort.Direction.ASC)
                .on("orgPath", Sort.Direction.ASC).named("kind_on_orgPath"));
        // earlier facts of an aggregate (a submission, a closure, a creation) and the standing history of a member
        indexes.createIndex(new Index().on("subjectId", Sort.Direction.ASC).on("kind", Sort.Direction.ASC)
                .named("subjectId_kind"));
    }

    @Override
    public boolean insertOnce(Fact fact) {
        try {
            mongo.insert(toDocument(fact), COLLECTION);
            return true;
        } catch (DuplicateKeyException counted) {
            return false;
        }
    }

    @Override
    public Optional<Fact> latest(String kind, String subjectId) {
        if (subjectId == null) {
            return Optional.empty();
        }
        Query query = Query.query(where("subjectId").is(subjectId).and("kind").is(kind))
                .with(Sort.by(Sort.Order.desc("on"), Sort.Order.desc("at"))).limit(1);
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(MongoFacts::toFact);
    }

    public static Document toDocument(Fact f) {
        Document d = new Document("_id", f.id()).append("kind", f.kind()).append("orgPath", f.orgPath())
                .append("on", f.on().toString());
        putIfSet(d, "at", f.at() == null ? null : Date.from(f.at()));
        putIfSet(d, "subjectId", f.subjectId());
        if (!f.personKeys().isEmpty()) {
            d.append("personKeys", f.personKeys());
        }
        putIfSet(d, "householdId", f.householdId());
        putIfSet(d, "unitCode", f.unitCode());
        putIfSet(d, "amountFen", f.amountFen());
        putIfSet(d, "count", f.count());
        putIfSet(d, "code", f.code());
        putIfSet(d, "channel", f.channel());
        putIfSet(d, "flag", f.flag());
        if (!f.tags().isEmpty()) {
            d.append("tags", f.tags());
        }
        putIfSet(d, "cohortOn", text(f.cohortOn()));
        putIfSet(d, "validFrom", text(f.validFrom()));
        putIfSet(d, "validTo", text(f.validTo()));
        return d;
    }

    static Fact toFact(Document d) {
        Date at = d.getDate("at");
        Number amount = d.get("amountFen", Number.class);
        Number count = d.get("count", Number.class);
        return new Fact(d.getString("_id"), d.getString("kind"), d.getString("orgPath"), date(d.getString("on")),
                at == null ? null : at.toInstant(), d.getString("subjectId"), strings(d, "personKeys"),
                d.getString("householdId"), d.getString("unitCode"), amount == null ? null : amount.longValue(),
                count == null ? null : count.longValue(), d.getString("code"), d.getString("channel"),
                d.getBoolean("flag"), strings(d, "tags"), date(d.getString("cohortOn")),
                date(d.getString("validFrom")), date(d.getString("validTo")));
    }

    private static void putIfSet(Document d, String field, Object value) {
        if (value != null) {
            d.append(field, value);
        }
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static List<String> strings(Document d, String field) {
        List<String> values = d.getList(field, String.class);
        return values == null ? List.of() : values;
    }
}
