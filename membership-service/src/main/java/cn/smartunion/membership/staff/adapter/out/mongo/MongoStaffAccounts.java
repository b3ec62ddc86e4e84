package cn.smartunion.membership.staff.adapter.out.mongo;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.smartunion.membership.staff.domain.StaffAccount;
import cn.smartunion.membership.staff.domain.StaffAccountStatus;
import cn.smartunion.membership.staff.domain.StaffAccounts;
import cn.smartunion.runtime.scope.OrgScope;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import static org.springframework.data.mongodb.core.query.Criteria.where;

@Repository
class MongoStaffAccounts implements StaffAccounts {

    private static final List<String> IN_FLIGHT = java.util.Arrays.stream(StaffAccountStatus.values())
            .filter(StaffAccountStatus::inFlight).map(Enum::name).toList();

    private final MongoTemplate mongo;

    MongoStaffAccounts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public StaffAccount add(StaffAccount account) {
        try {
            return toDomain(mongo.insert(toDocument(account)));
        }
        catch (DuplicateKeyException e) {
            throw new DuplicateUsername();
        }
    }

    @Override
    public StaffAccount update(StaffAccount account) {
        try {
            // save() with @Version replaces only the document with the version read, and increments it
            return toDomain(mongo.save(toDocument(account)));
        }
        catch (OptimisticLockingFailureException e) {
            throw new StaleRecord();
        }
    }

    @Override
    public boolean remove(StaffAccount account) {
        Query query = Query.query(where("_id").is(account.id()).and("version").is(account.version()));
        return mongo.remove(query, StaffAccountDocument.class).getDeletedCount() == 1;
    }

    @Override
    public Optional<StaffAccount> findByUsername(String username) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("username").is(username)),
                StaffAccountDocument.class)).map(MongoStaffAccounts::toDomain);
    }

    @Override
    public Optional<StaffAccount> findWithin(String id, String scopePath) {
        Query query = Query.query(where("_id").is(id)).addCriteria(OrgScope.subtree("orgPath", scopePath));
        return Optional.ofNullable(mongo.findOne(query, StaffAccountDocument.class)).map(MongoStaffAccounts::toDomain);
    }

    @Override
    public PageOf<StaffAccount> listWithin(String scopePath, int page, int size) {
        Query query = new Query(OrgScope.subtree("orgPath", scopePath));
        long total = mongo.count(query, StaffAccountDocument.class);
        query.with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("_id"))).skip((long) page * size).limit(size);
        List<StaffAccount> items = mongo.find(query, StaffAccountDocument.class).stream()
                .map(MongoStaffAccounts::toDomain).toList();
        return new PageOf<>(items, page, size, total);
    }

    @Override
    public List<StaffAccount> inFlightSince(Instant changedBefore, int limit) {
        Query query = Query.query(where("status").in(IN_FLIGHT).and("changedAt").lt(changedBefore))
                .with(Sort.by("changedAt")).limit(limit);
        return mongo.find(query, StaffAccountDocument.class).stream().map(MongoStaffAccounts::toDomain).toList();
    }

    private static StaffAccountDocument toDocument(StaffAccount account) {
        StaffAccountDocument d = new StaffAccountDocument();
        d.id = account.id();
        d.username = account.username();
        d.keycloakUserId = account.identityId();
        d.orgId = account.orgId();
        d.orgPath = account.orgPath();
        d.roles = account.roles().stream().sorted().toList();
        d.requestedRoles = account.requestedRoles() == null ? null : account.requestedRoles().stream().sorted().toList();
        d.status = account.status().name();
        d.createdBy = account.createdBy();
        d.createdByUsername = account.createdByUsername();
        d.createdAt = account.createdAt();
        d.changedAt = account.changedAt();
        d.version = account.version();
        return d;
    }

    private static StaffAccount toDomain(StaffAccountDocument d) {
        return StaffAccount.restore(d.id, d.username, d.orgId, d.orgPath, d.keycloakUserId, set(d.roles),
                d.requestedRoles == null ? null : set(d.requestedRoles), StaffAccountStatus.valueOf(d.status),
                d.createdBy, d.createdByUsername, d.createdAt, d.changedAt, d.version);
    }

    private static Set<String> set(List<String> values) {
        return values == null ? Set.of() : new HashSet<>(values);
    }
}
