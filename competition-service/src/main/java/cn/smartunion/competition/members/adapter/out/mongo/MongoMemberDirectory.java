package cn.smartunion.competition.members.adapter.out.mongo;

import cn.smartunion.competition.members.domain.MemberDirectory;
import cn.smartunion.competition.members.domain.MemberStanding;
import cn.smartunion.competition.members.domain.MemberView;
import cn.smartunion.runtime.consumer.IdempotentProjection;
import cn.smartunion.runtime.rescope.RescopeTarget;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@code member_views}: one document per member, each membership event applied once with {@link IdempotentProjection}.
 * A member's events share a partition key, so they arrive in the order membership-service raised them.
 */
@Repository
public class MongoMemberDirectory implements MemberDirectory {

    static final String COLLECTION = "member_views";

    private final MongoTemplate mongo;
    private final IdempotentProjection projection;

    MongoMemberDirectory(MongoTemplate mongo, IdempotentProjection projection) {
        this.mongo = mongo;
        this.projection = projection;
    }

    private volatile boolean indexed;

    @Override
    public Optional<MemberView> find(String memberId) {
        return Optional.ofNullable(mongo.findById(memberId, Document.class, COLLECTION)).map(MongoMemberDirectory::view);
    }

    @Override
    public Optional<MemberView> findByAccount(String accountSubject) {
        if (accountSubject == null) {
            return Optional.empty();
        }
        if (!indexed) {
            mongo.indexOps(COLLECTION).createIndex(new Index().on("accountSubject", Sort.Direction.ASC).sparse());
            indexed = true;
        }
        return Optional.ofNullable(mongo.findOne(Query.query(where("accountSubject").is(accountSubject)),
                Document.class, COLLECTION)).map(MongoMemberDirectory::view);
    }

    private static MemberView view(Document d) {
        String standing = d.getString("standing");
        return new MemberView(d.getString("_id"), d.getString("orgId"), d.getString("orgPath"),
                standing == null ? null : MemberStanding.valueOf(standing),
                new LinkedHashSet<>(d.getList("groupTags", String.class, List.of())),
                d.getString("employerCreditCode"), d.getString("accountSubject"));
    }

    public boolean activated(String eventId, String memberId, String orgId, String orgPath, List<String> groupTags,
                             String employerCreditCode) {
        Update effect = new Update().set("orgId", orgId).set("orgPath", orgPath)
                .set("standing", MemberStanding.ACTIVE.name())
                .set("groupTags", groupTags == null ? List.of() : groupTags);
        if (employerCreditCode != null) {
            effect.set("employerCreditCode", employerCreditCode);
        }
        return projection.apply(COLLECTION, memberId, eventId, effect);
    }

    public boolean standingChanged(String eventId, String memberId, String orgId, String orgPath,
                                   MemberStanding standing) {
        Update effect = new Update().set("standing", standing.name());
        if (orgId != null) {
            effect.set("orgId", orgId).set("orgPath", orgPath);
        }
        return projection.apply(COLLECTION, memberId, eventId, effect);
    }

    public boolean moved(String eventId, String memberId, String orgId, String orgPath) {
        return projection.apply(COLLECTION, memberId, eventId,
                new Update().set("orgId", orgId).set("orgPath", orgPath));
    }

    public boolean groupTagsChanged(String eventId, String memberId, List<String> groupTags) {
        return projection.apply(COLLECTION, memberId, eventId,
                new Update().set("groupTags", groupTags == null ? List.of() : groupTags));
    }

    public boolean employmentChanged(String eventId, String memberId, String employerCreditCode) {
        Update effect = employerCreditCode == null ? new Update().unset("employerCreditCode")
                : new Update().set("employerCreditCode", employerCreditCode);
        return projection.apply(COLLECTION, memberId, eventId, effect);
    }

    public boolean accountLinked(String eventId, String memberId, String accountSubject) {
        return projection.apply(COLLECTION, memberId, eventId, new Update().set("accountSubject", accountSubject));
    }

    @Configuration(proxyBeanMethods = false)
    static class Storage {

        /** Members' union paths follow moves of the tree like every record owned by a union. */
        @Bean
        RescopeTarget memberViewsRescopeTarget() {
            return RescopeTarget.ownedRecords(COLLECTION, "orgPath", null);
        }
    }
}
