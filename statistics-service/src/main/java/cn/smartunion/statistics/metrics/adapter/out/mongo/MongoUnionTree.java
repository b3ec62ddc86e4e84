package cn.smartunion.statistics.metrics.adapter.out.mongo;

import cn.smartunion.runtime.orgdirectory.OrgDirectory;
import cn.smartunion.statistics.metrics.application.UnionTree;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Reads the org directory the runtime keeps from {@code membership.org.v1}. */
@Component
class MongoUnionTree implements UnionTree {

    private final MongoTemplate mongo;

    MongoUnionTree(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<Union> byPath(String path) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("path").is(path)), Document.class,
                OrgDirectory.COLLECTION)).map(MongoUnionTree::toUnion);
    }

    @Override
    public List<Union> childrenOf(String path) {
        // an anchored prefix (answered from the path index) and exactly one more segment
        Query children = Query.query(where("path").regex("^" + Pattern.quote(path) + "/[^/]+$")).with(Sort.by("path"));
        return mongo.find(children, Document.class, OrgDirectory.COLLECTION).stream().map(MongoUnionTree::toUnion)
                .toList();
    }

    private static Union toUnion(Document d) {
        return new Union(d.getString("_id"), d.getString("name"), d.getString("orgType"), d.getString("path"),
                Boolean.TRUE.equals(d.getBoolean("dissolved")));
    }
}
