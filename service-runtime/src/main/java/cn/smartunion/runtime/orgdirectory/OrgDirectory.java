package cn.smartunion.runtime.orgdirectory;

import cn.smartunion.contracts.membership.OrgRegistered;
import cn.smartunion.runtime.scope.OrgPrincipal;
import cn.smartunion.runtime.scope.OrgScope;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import cn.smartunion.runtime.consumer.IdempotentProjection;

import java.util.Date;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The tenancy directory of a service that does not own the tree: the organisations it may scope its records by,
 * projected idempotently from {@code membership.org.v1}. Reads are limited to a subtree in the query itself.
 */
public class OrgDirectory {

    public static final String COLLECTION = "org_directory";

    private final MongoTemplate mongo;
    private final IdempotentProjection projection;

    public OrgDirectory(MongoTemplate mongo, IdempotentProjection projection) {
        this.mongo = mongo;
        this.projection = projection;
    }

    /** @return false when this event had been applied before */
    public boolean apply(String eventId, OrgRegistered registered) {
        Update effect = new Update()
                .set("code", registered.code())
                .set("name", registered.name())
                .set("orgType", registered.orgType())
                .set("parentId", registered.parentId())
                .set("path", registered.path())
                .set("divisionCode", registered.divisionCode())
                .set("registeredAt", registered.registeredAt() == null ? null : Date.from(registered.registeredAt()));
        return projection.apply(COLLECTION, registered.orgId(), eventId, effect);
    }

    public Optional<OrgDirectoryEntry> findWithin(String orgId, OrgPrincipal caller) {
        Query query = Query.query(where("_id").is(orgId)).addCriteria(OrgScope.subtree("path", caller));
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(OrgDirectory::toEntry);
    }

    public long countWithin(OrgPrincipal caller) {
        return mongo.count(new Query(OrgScope.subtree("path", caller)), COLLECTION);
    }

    public List<OrgDirectoryEntry> listWithin(OrgPrincipal caller, int page, int size) {
        Query query = new Query(OrgScope.subtree("path", caller))
                .with(Sort.by("path")).skip((long) page * size).limit(size);
        return mongo.find(query, Document.class, COLLECTION).stream().map(OrgDirectory::toEntry).toList();
    }

    private static OrgDirectoryEntry toEntry(Document d) {
        Date registeredAt = d.getDate("registeredAt");
        return new OrgDirectoryEntry(d.getString("_id"), d.getString("code"), d.getString("name"),
                d.getString("orgType"), d.getString("parentId"), d.getString("path"), d.getString("divisionCode"),
                registeredAt == null ? null : registeredAt.toInstant());
    }
}
