package cn.smartunion.competition.registration.adapter.out.mongo;

import cn.smartunion.runtime.orgdirectory.OrgDirectory;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The union at a token's org path, from the org directory: a registrar's own union, the default owner of the entries
 * they register.
 */
@Component
public class OrgDirectoryByPath {

    private final MongoTemplate mongo;

    OrgDirectoryByPath(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The id of the active union at {@code path}, if the directory knows one. */
    public Optional<String> activeUnionAt(String path) {
        if (path == null) {
            return Optional.empty();
        }
        Document d = mongo.findOne(Query.query(where("path").is(path).and("dissolved").ne(true)), Document.class,
                OrgDirectory.COLLECTION);
        return Optional.ofNullable(d).map(found -> found.getString("_id"));
    }
}
