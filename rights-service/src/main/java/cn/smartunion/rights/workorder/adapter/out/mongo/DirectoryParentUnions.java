package cn.smartunion.rights.workorder.adapter.out.mongo;

import cn.smartunion.rights.workorder.domain.ParentUnions;
import cn.smartunion.runtime.orgdirectory.OrgDirectory;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Parents from the runtime's {@code org_directory} projection ({@code _id}, {@code path}, {@code parentId}). */
@Component
class DirectoryParentUnions implements ParentUnions {

    private final MongoTemplate mongo;

    DirectoryParentUnions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<Union> parentOf(String orgId) {
        return Optional.ofNullable(mongo.findById(orgId, Document.class, OrgDirectory.COLLECTION))
                .map(d -> d.getString("parentId"))
                .map(parentId -> mongo.findById(parentId, Document.class, OrgDirectory.COLLECTION))
                .map(p -> new Union(p.getString("_id"), p.getString("path")));
    }
}
