package cn.smartunion.aid.programme.adapter.out.mongo;

import cn.smartunion.aid.eligibility.domain.Audience;
import cn.smartunion.aid.eligibility.domain.EligibilityRule;
import cn.smartunion.aid.eligibility.domain.SocialInsurance;
import cn.smartunion.aid.programme.domain.CycleKind;
import cn.smartunion.aid.programme.domain.Programme;
import cn.smartunion.aid.programme.domain.ProgrammeKind;
import cn.smartunion.aid.programme.domain.Programmes;
import cn.smartunion.runtime.rescope.RescopeTarget;
import cn.smartunion.runtime.scope.OrgScope;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;

@Repository
class MongoProgrammes implements Programmes {

    static final String COLLECTION = "programmes";

    private final MongoTemplate mongo;

    MongoProgrammes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean add(Programme p) {
        EligibilityRule rule = p.eligibility();
        Document d = new Document("_id", p.code())
                .append("name", p.name())
                .append("kind", p.kind().name())
                .append("ownerOrgId", p.ownerOrgId())
                .append("ownerOrgPath", p.ownerOrgPath())
                .append("eligibility", new Document("audience", rule.audience().name())
                        .append("includeRetained", rule.includeRetained())
                        .append("groupTags", List.copyOf(rule.groupTags()))
                        .append("socialInsurance", rule.socialInsurance().stream().map(Enum::name).toList())
                        .append("modelWorkersOnly", rule.modelWorkersOnly()))
                .append("cycleKind", p.cycleKind().name())
                .append("oncePerCycle", p.oncePerCycle())
                .append("createdBy", p.createdBy())
                .append("createdAt", Date.from(p.createdAt()))
                .append("version", 0L);
        try {
            mongo.insert(d, COLLECTION);
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    @Override
    public Optional<Programme> find(String code) {
        return Optional.ofNullable(mongo.findById(code, Document.class, COLLECTION)).map(MongoProgrammes::toProgramme);
    }

    @Override
    public Optional<Programme> findVisibleTo(String code, String orgPath) {
        Query query = visibleTo(orgPath, null).addCriteria(where("_id").is(code));
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(MongoProgrammes::toProgramme);
    }

    @Override
    public List<Programme> listVisibleTo(String orgPath, ProgrammeKind kind, int page, int size) {
        Query query = visibleTo(orgPath, kind).with(Sort.by("_id")).skip((long) page * size).limit(size);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoProgrammes::toProgramme).toList();
    }

    @Override
    public long countVisibleTo(String orgPath, ProgrammeKind kind) {
        return mongo.count(visibleTo(orgPath, kind), COLLECTION);
    }

    private static Query visibleTo(String orgPath, ProgrammeKind kind) {
        Query query = new Query(new Criteria().orOperator(
                OrgScope.selfAndAncestors("ownerOrgPath", orgPath),
                OrgScope.descendants("ownerOrgPath", orgPath)));
        if (kind != null) {
            query.addCriteria(where("kind").is(kind.name()));
        }
        return query;
    }


    private static Programme toProgramme(Document d) {
        Document rule = d.get("eligibility", Document.class);
        Set<SocialInsurance> insurance = rule.getList("socialInsurance", String.class, List.of()).stream()
                .map(SocialInsurance::valueOf).collect(Collectors.toCollection(LinkedHashSet::new));
        EligibilityRule eligibility = new EligibilityRule(Audience.valueOf(rule.getString("audience")),
                Boolean.TRUE.equals(rule.getBoolean("includeRetained")),
                new LinkedHashSet<>(rule.getList("groupTags", String.class, List.of())), insurance,
                Boolean.TRUE.equals(rule.getBoolean("modelWorkersOnly")));
        return new Programme(d.getString("_id"), d.getString("name"), ProgrammeKind.valueOf(d.getString("kind")),
                d.getString("ownerOrgId"), d.getString("ownerOrgPath"), eligibility,
                CycleKind.valueOf(d.getString("cycleKind")), Boolean.TRUE.equals(d.getBoolean("oncePerCycle")),
                d.getString("createdBy"), d.getDate("createdAt").toInstant());
    }

    @Configuration(proxyBeanMethods = false)
    static class Storage {

        @Bean
        RescopeTarget programmesRescopeTarget() {
            return RescopeTarget.ownedRecords(COLLECTION, "ownerOrgPath", "version");
        }
    }
}
